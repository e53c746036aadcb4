package com.example.crosssell.customer;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A customer as the API shows it. */
@Schema(description = "A customer.", example = """
        {"externalId": "C1", "name": "Ada Lovelace", "homeUnit": "RET", "customerSince": "2024-01-10",
         "segment": "SMB", "updatedAt": "2025-01-02T08:00:00Z"}""")
public record CustomerResponse(String externalId, @Nullable String name, String homeUnit, LocalDate customerSince,
        @Nullable String segment, @Nullable Instant updatedAt) {

    static CustomerResponse of(Customer customer) {
        return of(customer, customer.getHomeUnit().getCode());
    }

    /** With the home unit's code already known: the unit itself may be a reference that is never loaded. */
    static CustomerResponse of(Customer customer, String homeUnit) {
        return new CustomerResponse(customer.getExternalId(), customer.getName(), homeUnit,
                customer.getCustomerSince(), customer.getSegment(), customer.getCrmUpdatedAt());
    }
}
