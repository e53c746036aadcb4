package com.example.crosssell.opportunity;

import com.example.crosssell.RecordNotFoundException;
import com.example.crosssell.Upserted;
import com.example.crosssell.WriteOutcome;
import com.example.crosssell.customer.CustomerService;
import com.example.crosssell.unit.UnitService;
import com.example.crosssell.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of opportunities. */
@Service
public class OpportunityService {

    private static final Sort ORDER = Sort.by("externalId");

    private final OpportunityRepository opportunities;

    private final CustomerService customers;

    private final UnitService units;

    OpportunityService(OpportunityRepository opportunities, CustomerService customers, UnitService units) {
        this.opportunities = opportunities;
        this.customers = customers;
        this.units = units;
    }

    /** Creates or replaces the opportunity unless the stored one is newer or equal by {@code updatedAt}. */
    @Transactional
    public Upserted<OpportunityResponse> upsert(String externalId, OpportunityRequest request) {
        var customer = customers.require("customer", request.customer());
        var productUnit = units.require("productUnit", request.productUnit());
        var existing = opportunities.findByExternalId(externalId);
        var outcome = existing.map(o -> WriteOutcome.ofReplacement(o.getCrmUpdatedAt(), request.updatedAt()))
                .orElse(WriteOutcome.CREATED);
        var opportunity = existing.orElseGet(() -> new Opportunity(externalId));
        if (outcome.applies()) {
            opportunity.update(request, customer, productUnit);
            opportunity = opportunities.save(opportunity);
        }
        return new Upserted<>(OpportunityResponse.of(opportunity), outcome);
    }

    @Transactional(readOnly = true)
    public OpportunityResponse get(String externalId) {
        return opportunities.findByExternalId(externalId).map(OpportunityResponse::of)
                .orElseThrow(() -> new RecordNotFoundException("Opportunity", externalId));
    }

    @Transactional(readOnly = true)
    public PagedModel<OpportunityResponse> list(@Nullable String customer, @Nullable String productUnit,
            @Nullable OpportunityStatus status, @Nullable String owner, PageQuery paging) {
        return new PagedModel<>(opportunities.findFiltered(customer, productUnit, status, owner,
                paging.toPageable(ORDER)).map(OpportunityResponse::of));
    }

    @Transactional
    public void delete(String externalId) {
        if (opportunities.deleteByExternalId(externalId) == 0) {
            throw new RecordNotFoundException("Opportunity", externalId);
        }
    }
}
