package com.example.crosssell.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

/** A target percentage of one KPI for one unit (or the whole company: no unit), in force from a date. */
@Entity
public class Target {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private TargetKpi kpi;

    @ManyToOne(fetch = FetchType.LAZY)
    private @Nullable BusinessUnit unit;

    private LocalDate effectiveFrom;

    private BigDecimal percent;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Target() {
        // for JPA
    }

    Target(TargetKpi kpi, @Nullable BusinessUnit unit, LocalDate effectiveFrom, BigDecimal percent) {
        this.kpi = kpi;
        this.unit = unit;
        this.effectiveFrom = effectiveFrom;
        this.percent = percent;
    }

    void changePercent(BigDecimal newPercent) {
        this.percent = newPercent;
    }

    TargetKpi kpi() {
        return kpi;
    }

    @Nullable BusinessUnit unit() {
        return unit;
    }

    LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    BigDecimal percent() {
        return percent;
    }
}
