package com.example.crosssell.kpi;

import java.time.Instant;

import com.example.crosssell.kpi.ExplainQuery.Spec;
import com.example.crosssell.target.TargetKpi;
import com.example.crosssell.target.TargetService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads what every result of one KPI response shares: the data version (asOf), the newest CRM updatedAt among the
 * records counted in {@code scope} (docs/kpis.md, "Freshness") and the KPI's targets. Called inside the answer's
 * repeatable-read transaction on the KPI read pool, so all of it but the targets comes from the same snapshot as the
 * counts; the targets are read through JPA on the default pool, in a transaction of their own.
 */
@Component
class KpiContexts {

    private final DataVersionQuery versions;

    private final ExplainQuery records;

    private final TargetService targets;

    KpiContexts(DataVersionQuery versions, ExplainQuery records, TargetService targets) {
        this.versions = versions;
        this.targets = targets;
        this.records = records;
    }

    /** The ratio's counted records: its cross-sold products and its customer base. */
    KpiResults.Context ratio(KpiScope scope, boolean details) {
        if (!details) {
            return KpiResults.Context.withoutDetails();
        }
        var sold = records.totals(new Spec(Kpi.CROSS_SELL_RATIO, ExplainPart.NUMERATOR, scope, RatioMethod.PRODUCTS,
                ConversionBasis.OPENED));
        var base = records.totals(new Spec(Kpi.CROSS_SELL_RATIO, ExplainPart.DENOMINATOR, scope,
                RatioMethod.PRODUCTS, ConversionBasis.OPENED));
        return new KpiResults.Context(true, versions.current(), newest(sold.sourceUpdatedAt(), base.sourceUpdatedAt()),
                targets.schedule(TargetKpi.CROSS_SELL_RATIO));
    }

    /** The conversion rate's counted records: the opportunities of its denominator. */
    KpiResults.Context conversion(KpiScope scope, ConversionBasis basis, boolean details) {
        if (!details) {
            return KpiResults.Context.withoutDetails();
        }
        var counted = records.totals(new Spec(Kpi.CONVERSION_RATE, ExplainPart.DENOMINATOR, scope,
                RatioMethod.PRODUCTS, basis));
        return new KpiResults.Context(true, versions.current(), counted.sourceUpdatedAt(),
                targets.schedule(TargetKpi.CONVERSION_RATE));
    }

    DataVersion version() {
        return versions.current();
    }

    private static @Nullable Instant newest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
