package com.example.crosssell.kpi;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The conversion rate: one period, a series, per unit and per owner (docs/kpis.md). */
@Service
public class ConversionRateService {

    private final KpiSnapshot snapshot;

    private final KpiScopes scopes;

    private final ConversionRateQuery conversions;

    private final KpiResults results;

    private final KpiContexts contexts;

    ConversionRateService(KpiSnapshot snapshot, KpiScopes scopes, ConversionRateQuery conversions,
            KpiResults results, KpiContexts contexts) {
        this.snapshot = snapshot;
        this.contexts = contexts;
        this.scopes = scopes;
        this.conversions = conversions;
        this.results = results;
    }

    public ConversionResult result(KpiQuery query, @Nullable String owner, ConversionBasis basis) {
        return snapshot.read(query.details(), () -> {
            var scope = scopes.resolve(query, owner);
            var periods = PeriodList.of(scope.period(), query.compare());
            var fractions = conversions.fractions(periods, scope, basis);
            return results.conversion(scope, basis, fractions.get(0), compared(periods, fractions, 0),
                    contexts.conversion(scope, basis, query.details()));
        });
    }

    public KpiSeries<ConversionResult> series(KpiQuery query, @Nullable String owner, ConversionBasis basis,
            Granularity granularity) {
        return snapshot.read(query.details(), () -> series(query, basis, granularity, scopes.resolve(query, owner)));
    }

    private KpiSeries<ConversionResult> series(KpiQuery query, ConversionBasis basis, Granularity granularity,
            KpiScope scope) {
        var periods = new PeriodList(scope.period().buckets(granularity, CrossSellRatioService.MAX_BUCKETS),
                query.compare());
        var fractions = conversions.fractions(periods, scope, basis);
        var context = contexts.conversion(scope, basis, query.details());
        var points = new ArrayList<ConversionResult>();
        for (int i = 0; i < periods.current().size(); i++) {
            points.add(results.conversion(scope.withPeriod(periods.current().get(i)), basis, fractions.get(i),
                    compared(periods, fractions, i), context));
        }
        return new KpiSeries<>(Kpi.CONVERSION_RATE, granularity, scope.period().from(), scope.period().to(), points,
                context.asOf(), context.sourceUpdatedAt());
    }

    public KpiBreakdown<ConversionResult> byUnit(KpiQuery query, @Nullable String owner, ConversionBasis basis) {
        return snapshot.read(query.details(), () -> {
            var scope = scopes.resolve(query, owner);
            var periods = PeriodList.of(scope.period(), query.compare());
            var context = contexts.conversion(scope, basis, query.details());
            return KpiBreakdown.of(conversions.byUnit(periods, scope, basis), periods, context,
                    (row, compared) -> results.conversion(scope.withUnit(row.key()), basis, row.fraction(), compared,
                            context));
        });
    }

    public KpiBreakdown<ConversionResult> byOwner(KpiQuery query, ConversionBasis basis) {
        return snapshot.read(query.details(), () -> {
            var scope = scopes.resolve(query, null);
            var periods = PeriodList.of(scope.period(), query.compare());
            var context = contexts.conversion(scope, basis, query.details());
            return KpiBreakdown.of(conversions.byOwner(periods, scope, basis), periods, context,
                    (row, compared) -> results.conversion(scope.withOwner(row.key()), basis, row.fraction(),
                            compared, context));
        });
    }

    private static KpiResults.@Nullable Compared compared(PeriodList periods, List<Fraction> fractions, int index) {
        return periods.compare() == null ? null
                : periods.compared(index, fractions.get(periods.comparedIdx(index) - 1));
    }
}
