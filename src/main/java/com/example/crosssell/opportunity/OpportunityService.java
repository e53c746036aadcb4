package com.example.crosssell.opportunity;

import java.time.Instant;
import java.util.List;

import com.example.crosssell.RecordDeletedException;
import com.example.crosssell.RecordNotFoundException;
import com.example.crosssell.RecordType;
import com.example.crosssell.RecordsStored;
import com.example.crosssell.Upserted;
import com.example.crosssell.WriteOutcome;
import com.example.crosssell.customer.Customer;
import com.example.crosssell.customer.CustomerService;
import com.example.crosssell.customer.CustomerService.CustomerRemoved;
import com.example.crosssell.unit.BusinessUnit;
import com.example.crosssell.unit.UnitService;
import com.example.crosssell.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of opportunities. */
@Service
public class OpportunityService {

    private static final Sort ORDER = Sort.by("externalId");

    private final OpportunityRepository opportunities;

    private final OpportunityTombstones tombstones;

    private final CustomerService customers;

    private final UnitService units;

    private final ApplicationEventPublisher events;

    OpportunityService(OpportunityRepository opportunities, OpportunityTombstones tombstones,
            CustomerService customers, UnitService units, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.tombstones = tombstones;
        this.customers = customers;
        this.units = units;
        this.events = events;
    }

    /**
     * PUT: creates or replaces the opportunity unless the stored one is newer or equal by {@code updatedAt}; one the
     * CRM deleted with a newer-or-equal {@code updatedAt} stays deleted (409).
     */
    @Transactional
    public Upserted<OpportunityResponse> upsert(String externalId, OpportunityRequest request) {
        var written = write(externalId, request);
        if (written.record() == null) {
            throw new RecordDeletedException("Opportunity", externalId,
                    tombstones.deletedAt(externalId).orElseThrow());
        }
        return new Upserted<>(written.record(), written.outcome());
    }

    /**
     * The one write path of an opportunity (PUT, webhook): SPEC §6.4's version rule against the stored opportunity or
     * its tombstone. The record is {@code null} when a tombstone kept the write out.
     */
    @Transactional
    public Written write(String externalId, OpportunityRequest request) {
        tombstones.lock(externalId);
        return writeLocked(externalId, request, customers.require("customer", request.customer()),
                units.require("productUnit", request.productUnit()));
    }

    /** {@link #write} for a caller that has already looked up customer and product unit (the webhook inbox). */
    @Transactional
    public Written write(String externalId, OpportunityRequest request, Customer customer, BusinessUnit productUnit) {
        tombstones.lock(externalId);
        return writeLocked(externalId, request, customer, productUnit);
    }

    private Written writeLocked(String externalId, OpportunityRequest request, Customer customer,
            BusinessUnit productUnit) {
        var existing = opportunities.findByExternalId(externalId);
        if (existing.isEmpty()) {
            var deletedAt = tombstones.deletedAt(externalId);
            var outcome = deletedAt.map(at -> WriteOutcome.ofReplacement(at, request.updatedAt()))
                    .orElse(WriteOutcome.CREATED);
            if (!outcome.applies()) {
                return new Written(null, outcome);
            }
            deletedAt.ifPresent(at -> tombstones.unbury(externalId));
        }
        var outcome = existing.map(o -> WriteOutcome.ofReplacement(o.getCrmUpdatedAt(), request.updatedAt()))
                .orElse(WriteOutcome.CREATED);
        var opportunity = existing.orElseGet(() -> new Opportunity(externalId));
        if (outcome.applies()) {
            tombstones.lockCustomer(request.customer());
            opportunity.update(request, customer, productUnit);
            opportunity = opportunities.save(opportunity);
            events.publishEvent(new RecordsStored(RecordType.OPPORTUNITY, List.of(externalId)));
        }
        // written: the product unit is the one of request.productUnit() (a webhook hands a reference, loaded only if
        // read)
        return new Written(outcome.applies() ? OpportunityResponse.of(opportunity, request.productUnit())
                : OpportunityResponse.of(opportunity), outcome);
    }

    /**
     * A CRM delete (webhook): applies unless the stored opportunity is newer or equal by {@code updatedAt}; with
     * {@code updatedAt} it leaves a tombstone, even for an opportunity never seen.
     *
     * @return UPDATED when applied, STALE or UNCHANGED when the stored opportunity is newer or equal
     */
    @Transactional
    public WriteOutcome deleteFromCrm(String externalId, @Nullable Instant updatedAt) {
        tombstones.lock(externalId);
        var existing = opportunities.findByExternalId(externalId);
        var outcome = existing.map(o -> WriteOutcome.ofReplacement(o.getCrmUpdatedAt(), updatedAt))
                .orElse(WriteOutcome.UPDATED);
        if (!outcome.applies()) {
            return outcome;
        }
        existing.ifPresent(o -> opportunities.deleteByExternalId(externalId));
        if (updatedAt != null) {
            tombstones.bury(externalId, updatedAt);
        }
        return outcome;
    }

    /** SPEC §6.4: the CRM deleting a customer deletes its opportunities, in the same transaction. */
    @EventListener
    void customerRemoved(CustomerRemoved removed) {
        opportunities.flush();
        tombstones.buryAllOfCustomer(removed.customer().getExternalId());
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

    /** An opportunity write: the opportunity as stored afterwards ({@code null} when a tombstone refused it). */
    public record Written(@Nullable OpportunityResponse record, WriteOutcome outcome) {
    }
}
