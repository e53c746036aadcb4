package com.example.crosssell.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.example.crosssell.MissingReferenceException;
import com.example.crosssell.RecordDeletedException;
import com.example.crosssell.RecordInUseException;
import com.example.crosssell.RecordNotFoundException;
import com.example.crosssell.RecordType;
import com.example.crosssell.RecordsStored;
import com.example.crosssell.Upserted;
import com.example.crosssell.WriteOutcome;
import com.example.crosssell.unit.BusinessUnit;
import com.example.crosssell.unit.UnitService;
import com.example.crosssell.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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

    private final CustomerTombstones tombstones;

    private final UnitService units;

    private final ApplicationEventPublisher events;

    CustomerService(CustomerRepository customers, CustomerTombstones tombstones, UnitService units,
            ApplicationEventPublisher events) {
        this.customers = customers;
        this.tombstones = tombstones;
        this.units = units;
        this.events = events;
    }

    /**
     * PUT: creates or replaces the customer unless the stored one is newer or equal by {@code updatedAt}; a customer
     * the CRM deleted with a newer-or-equal {@code updatedAt} stays deleted (409).
     */
    @Transactional
    public Upserted<CustomerResponse> upsert(String externalId, CustomerRequest request) {
        var written = write(externalId, request);
        if (written.record() == null) {
            throw new RecordDeletedException("Customer", externalId, tombstones.deletedAt(externalId).orElseThrow());
        }
        return new Upserted<>(written.record(), written.outcome());
    }

    /**
     * The one write path of a customer (PUT, webhook): SPEC §6.4's version rule against the stored customer or its
     * tombstone. The record is {@code null} when a tombstone kept the write out.
     */
    @Transactional
    public Written write(String externalId, CustomerRequest request) {
        tombstones.lock(externalId);
        return writeLocked(externalId, request, units.require("homeUnit", request.homeUnit()));
    }

    /** {@link #write} for a caller that has already looked up the home unit (the webhook inbox), saving a read. */
    @Transactional
    public Written write(String externalId, CustomerRequest request, BusinessUnit homeUnit) {
        tombstones.lock(externalId);
        return writeLocked(externalId, request, homeUnit);
    }

    private Written writeLocked(String externalId, CustomerRequest request, BusinessUnit homeUnit) {
        var existing = customers.findByExternalId(externalId);
        if (existing.isEmpty()) {
            var deletedAt = tombstones.deletedAt(externalId);
            var outcome = deletedAt.map(at -> WriteOutcome.ofReplacement(at, request.updatedAt()))
                    .map(o -> o.applies() ? WriteOutcome.CREATED : o).orElse(WriteOutcome.CREATED);
            if (!outcome.applies()) {
                return new Written(null, outcome);
            }
            deletedAt.ifPresent(at -> tombstones.unbury(externalId));
        }
        var outcome = existing.map(c -> WriteOutcome.ofReplacement(c.getCrmUpdatedAt(), request.updatedAt()))
                .orElse(WriteOutcome.CREATED);
        var customer = existing.orElseGet(() -> new Customer(externalId));
        if (outcome.applies()) {
            customer.update(request, homeUnit);
            customer = customers.save(customer);
            events.publishEvent(new RecordsStored(RecordType.CUSTOMER, List.of(externalId)));
        }
        // written: the home unit is the one of request.homeUnit() (a webhook hands a reference, loaded only if read)
        return new Written(outcome.applies() ? CustomerResponse.of(customer, request.homeUnit())
                : CustomerResponse.of(customer), outcome);
    }

    /**
     * A CRM delete (webhook): applies unless the stored customer is newer or equal by {@code updatedAt}; removes the
     * customer's opportunities too (SPEC §6.4, through {@link CustomerRemoved}) and, with {@code updatedAt}, leaves a
     * tombstone. Deleting an unknown customer is not an error: with {@code updatedAt} it still leaves the tombstone.
     *
     * @return UPDATED when applied, STALE or UNCHANGED when the stored customer is newer or equal
     */
    @Transactional
    public WriteOutcome deleteFromCrm(String externalId, @Nullable Instant updatedAt) {
        tombstones.lock(externalId);
        var existing = customers.findByExternalId(externalId);
        var outcome = existing.map(c -> WriteOutcome.ofReplacement(c.getCrmUpdatedAt(), updatedAt))
                .orElse(WriteOutcome.UPDATED);
        if (!outcome.applies()) {
            return outcome;
        }
        if (existing.isPresent()) {
            events.publishEvent(new CustomerRemoved(existing.get()));
            customers.deleteByExternalId(externalId);
        }
        if (updatedAt != null) {
            tombstones.bury(externalId, updatedAt);
        }
        return outcome;
    }

    @Transactional(readOnly = true)
    public CustomerResponse get(String externalId) {
        return CustomerResponse.of(find(externalId));
    }

    /** The customer, or empty when it does not exist (yet): the webhook inbox then waits for it. */
    @Transactional(readOnly = true)
    public Optional<Customer> lookup(String externalId) {
        return customers.findByExternalId(externalId);
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

    /** A customer write: the customer as stored afterwards ({@code null} when a tombstone refused it) and outcome. */
    public record Written(@Nullable CustomerResponse record, WriteOutcome outcome) {
    }

    /** Published inside the transaction just before the CRM deletes a customer, so its opportunities go first. */
    public record CustomerRemoved(Customer customer) {
    }
}
