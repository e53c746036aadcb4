package com.example.crosssell.opportunity;

import java.math.BigDecimal;
import java.time.Instant;

import com.example.crosssell.customer.Customer;
import com.example.crosssell.unit.BusinessUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.jspecify.annotations.Nullable;

/** A cross-sell opportunity: a product of one unit offered to one customer (SPEC §2). */
@Entity
public class Opportunity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String externalId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private BusinessUnit productUnit;

    private @Nullable String product;

    private @Nullable String owner;

    @Enumerated(EnumType.STRING)
    private OpportunityStatus status;

    private Instant openedAt;

    private @Nullable Instant closedAt;

    private @Nullable BigDecimal amount;

    /** The CRM's last-modified instant; our own {@code updatedAt} is row bookkeeping. */
    private @Nullable Instant crmUpdatedAt;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Opportunity() {
        // for JPA
    }

    Opportunity(String externalId) {
        this.externalId = externalId;
    }

    void update(OpportunityRequest values, Customer customer, BusinessUnit productUnit) {
        this.customer = customer;
        this.productUnit = productUnit;
        this.product = values.product();
        this.owner = values.owner();
        this.status = values.status();
        this.openedAt = values.openedAt();
        this.closedAt = values.closedAt();
        this.amount = values.amount();
        this.crmUpdatedAt = values.updatedAt();
    }

    public String getExternalId() {
        return externalId;
    }

    public Customer getCustomer() {
        return customer;
    }

    public BusinessUnit getProductUnit() {
        return productUnit;
    }

    public @Nullable String getProduct() {
        return product;
    }

    public @Nullable String getOwner() {
        return owner;
    }

    public OpportunityStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }

    public @Nullable BigDecimal getAmount() {
        return amount;
    }

    public @Nullable Instant getCrmUpdatedAt() {
        return crmUpdatedAt;
    }
}
