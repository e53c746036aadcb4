package com.example.crosssell.webhook;

import java.time.Instant;

import com.example.crosssell.RecordType;
import com.example.crosssell.WriteOutcome;
import com.example.crosssell.customer.CustomerService;
import com.example.crosssell.opportunity.OpportunityService;
import com.example.crosssell.unit.UnitService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Applies one event to the records through the record services (the one write path of each record type), inside
 * the caller's transaction. A missing parent makes the event PENDING instead of failing it (SPEC §6.5).
 */
@Component
class InboxProcessor {

    private final UnitService units;

    private final CustomerService customers;

    private final OpportunityService opportunities;

    InboxProcessor(UnitService units, CustomerService customers, OpportunityService opportunities) {
        this.units = units;
        this.customers = customers;
        this.opportunities = opportunities;
    }

    Disposition apply(CrmChange change) {
        if (change.kind() == null) {
            return Disposition.ignored("Unknown event type '%s': acknowledged and recorded, not applied."
                    .formatted(change.type()));
        }
        return switch (change.kind()) {
            case UNIT_UPSERTED -> {
                units.upsert(change.key(), change.unit());
                yield Disposition.applied();
            }
            case CUSTOMER_UPSERTED -> upsertCustomer(change);
            case OPPORTUNITY_UPSERTED -> upsertOpportunity(change);
            case CUSTOMER_DELETED -> deleted("customer", change.updatedAt(),
                    customers.deleteFromCrm(change.key(), change.updatedAt()));
            case OPPORTUNITY_DELETED -> deleted("opportunity", change.updatedAt(),
                    opportunities.deleteFromCrm(change.key(), change.updatedAt()));
        };
    }

    private Disposition upsertCustomer(CrmChange change) {
        var request = change.customer();
        var homeUnit = units.lookup(request.homeUnit()); // handed to the write, which would read it again
        if (homeUnit.isEmpty()) {
            return Disposition.waitingFor(RecordType.UNIT, "homeUnit", request.homeUnit());
        }
        var written = customers.write(change.key(), request, homeUnit.get());
        return written(written.outcome(), written.record() == null, request.updatedAt());
    }

    private Disposition upsertOpportunity(CrmChange change) {
        var request = change.opportunity();
        var customer = customers.lookup(request.customer());
        if (customer.isEmpty()) {
            return Disposition.waitingFor(RecordType.CUSTOMER, "customer", request.customer());
        }
        var productUnit = units.lookup(request.productUnit());
        if (productUnit.isEmpty()) {
            return Disposition.waitingFor(RecordType.UNIT, "productUnit", request.productUnit());
        }
        var written = opportunities.write(change.key(), request, customer.get(), productUnit.get());
        return written(written.outcome(), written.record() == null, request.updatedAt());
    }

    private static Disposition written(WriteOutcome outcome, boolean deleted, @Nullable Instant updatedAt) {
        if (outcome.applies()) {
            return Disposition.applied();
        }
        if (outcome == WriteOutcome.STALE) {
            return Disposition.ignored((deleted
                    ? "Stale: the record was deleted with a newer updatedAt than %s; it stays deleted."
                    : "Stale: updatedAt %s is older than the stored record's; the newer state stays.")
                    .formatted(updatedAt));
        }
        return Disposition.ignored((deleted
                ? "Unchanged: the record was deleted with the same updatedAt %s; it stays deleted."
                : "Unchanged: the stored record already has updatedAt %s.").formatted(updatedAt));
    }

    private static Disposition deleted(String record, @Nullable Instant updatedAt, WriteOutcome outcome) {
        if (outcome.applies()) {
            return Disposition.applied();
        }
        return Disposition.ignored("%s: the stored %s's updatedAt is %s than this delete's %s; it stays."
                .formatted(outcome == WriteOutcome.STALE ? "Stale" : "Unchanged", record,
                        outcome == WriteOutcome.STALE ? "newer" : "no older", updatedAt));
    }
}
