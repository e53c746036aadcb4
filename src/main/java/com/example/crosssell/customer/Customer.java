package com.example.crosssell.customer;

import java.time.Instant;
import java.time.LocalDate;

import com.example.crosssell.unit.BusinessUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.jspecify.annotations.Nullable;

/** A customer of one home unit, known to the API by the CRM's {@code externalId}. */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String externalId;

    private @Nullable String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private BusinessUnit homeUnit;

    private LocalDate customerSince;

    private @Nullable String segment;

    /** The CRM's last-modified instant; our own {@code updatedAt} is row bookkeeping. */
    private @Nullable Instant crmUpdatedAt;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Customer() {
        // for JPA
    }

    Customer(String externalId) {
        this.externalId = externalId;
    }

    void update(CustomerRequest values, BusinessUnit homeUnit) {
        this.name = values.name();
        this.homeUnit = homeUnit;
        this.customerSince = values.customerSince();
        this.segment = values.segment();
        this.crmUpdatedAt = values.updatedAt();
    }

    public String getExternalId() {
        return externalId;
    }

    public @Nullable String getName() {
        return name;
    }

    public BusinessUnit getHomeUnit() {
        return homeUnit;
    }

    public LocalDate getCustomerSince() {
        return customerSince;
    }

    public @Nullable String getSegment() {
        return segment;
    }

    public @Nullable Instant getCrmUpdatedAt() {
        return crmUpdatedAt;
    }
}
