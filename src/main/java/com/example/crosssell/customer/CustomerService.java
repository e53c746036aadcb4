package com.example.crosssell.customer;

import com.example.crosssell.MissingReferenceException;
import com.example.crosssell.RecordInUseException;
import com.example.crosssell.RecordNotFoundException;
import com.example.crosssell.Upserted;
import com.example.crosssell.WriteOutcome;
import com.example.crosssell.unit.UnitService;
import com.example.crosssell.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of customers; other features resolve customer ids through {@link #require}. */
@Service
public class CustomerService {

    private static final Sort ORDER = Sort.by("externalId");

    private final CustomerRepository customers;

    private final UnitService units;

    CustomerService(CustomerRepository customers, UnitService units) {
        this.customers = customers;
        this.units = units;
    }

    /** Creates or replaces the customer unless the stored one is newer or equal by {@code updatedAt}. */
    @Transactional
    public Upserted<CustomerResponse> upsert(String externalId, CustomerRequest request) {
        var homeUnit = units.require("homeUnit", request.homeUnit());
        var existing = customers.findByExternalId(externalId);
        var outcome = existing.map(c -> WriteOutcome.ofReplacement(c.getCrmUpdatedAt(), request.updatedAt()))
                .orElse(WriteOutcome.CREATED);
        var customer = existing.orElseGet(() -> new Customer(externalId));
        if (outcome.applies()) {
            customer.update(request, homeUnit);
            customer = customers.save(customer);
        }
        return new Upserted<>(CustomerResponse.of(customer), outcome);
    }

    @Transactional(readOnly = true)
    public CustomerResponse get(String externalId) {
        return CustomerResponse.of(find(externalId));
    }

    @Transactional(readOnly = true)
    public PagedModel<CustomerResponse> list(@Nullable String homeUnit, @Nullable String segment, PageQuery paging) {
        return new PagedModel<>(customers.findFiltered(homeUnit, segment, paging.toPageable(ORDER))
                .map(CustomerResponse::of));
    }

    @Transactional
    public void delete(String externalId) {
        try {
            if (customers.deleteByExternalId(externalId) == 0) {
                throw new RecordNotFoundException("Customer", externalId);
            }
        }
        catch (DataIntegrityViolationException ex) { // fk_opportunity_customer
            throw new RecordInUseException("Customer", externalId);
        }
    }

    /** The customer a write refers to in {@code field}, or 422 naming that field. */
    @Transactional(readOnly = true)
    public Customer require(String field, String externalId) {
        return customers.findByExternalId(externalId)
                .orElseThrow(() -> new MissingReferenceException(field, externalId));
    }

    private Customer find(String externalId) {
        return customers.findByExternalId(externalId)
                .orElseThrow(() -> new RecordNotFoundException("Customer", externalId));
    }
}
