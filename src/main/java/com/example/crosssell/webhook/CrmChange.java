package com.example.crosssell.webhook;

import java.time.Instant;

import com.example.crosssell.customer.CustomerRequest;
import com.example.crosssell.opportunity.OpportunityRequest;
import com.example.crosssell.unit.UnitRequest;
import org.jspecify.annotations.Nullable;

/**
 * A verified, well-formed event: what it asks of which record. Upserts carry the same request record PUT takes
 * (validated by the same rules); deletes carry their optional {@code updatedAt}; unknown types carry nothing.
 */
record CrmChange(String type, @Nullable Kind kind, String key, @Nullable Object request,
        @Nullable Instant updatedAt) {

    enum Kind {
        UNIT_UPSERTED("unit.upserted"), CUSTOMER_UPSERTED("customer.upserted"),
        OPPORTUNITY_UPSERTED("opportunity.upserted"), CUSTOMER_DELETED("customer.deleted"),
        OPPORTUNITY_DELETED("opportunity.deleted");

        final String type;

        Kind(String type) {
            this.type = type;
        }

        static @Nullable Kind of(String type) {
            for (var kind : values()) {
                if (kind.type.equals(type)) {
                    return kind;
                }
            }
            return null;
        }
    }

    static CrmChange unknown(String type) {
        return new CrmChange(type, null, "", null, null);
    }

    UnitRequest unit() {
        return (UnitRequest) request;
    }

    CustomerRequest customer() {
        return (CustomerRequest) request;
    }

    OpportunityRequest opportunity() {
        return (OpportunityRequest) request;
    }
}
