package com.example.crosssell.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The cross-sell ratio: one period, a series, per unit; and the cross-sell matrix (docs/kpis.md). */
@Service
public class CrossSellRatioService {

    /** SPEC §4: more buckets than this → 400. */
    static final int MAX_BUCKETS = 1000;

    private final KpiSnapshot snapshot;

    private final KpiScopes scopes;

    private final CrossSellRatioQuery ratios;

    private final CrossSellMatrixQuery matrix;

    private final KpiResults results;

    private final KpiContexts contexts;

    CrossSellRatioService(KpiSnapshot snapshot, KpiScopes scopes, CrossSellRatioQuery ratios,
            CrossSellMatrixQuery matrix, KpiResults results, KpiContexts contexts) {
        this.snapshot = snapshot;
        this.contexts = contexts;
        this.scopes = scopes;
        this.ratios = ratios;
        this.matrix = matrix;
        this.results = results;
    }

    public RatioResult result(KpiQuery query, RatioMethod method) {
        return snapshot.read(query.details(), () -> {
            var scope = scopes.resolve(query, null);
            var periods = PeriodList.of(scope.period(), query.compare());
            var fractions = ratios.fractions(periods, scope, method);
            return results.ratio(scope, method, fractions.get(0), compared(periods, fractions, 0),
                    contexts.ratio(scope, query.details()));
        });
    }

    public KpiSeries<RatioResult> series(KpiQuery query, RatioMethod method, Granularity granularity) {
        return snapshot.read(query.details(), () -> series(query, method, granularity, scopes.resolve(query, null)));
    }

    private KpiSeries<RatioResult> series(KpiQuery query, RatioMethod method, Granularity granularity,
            KpiScope scope) {
        var periods = new PeriodList(scope.period().buckets(granularity, MAX_BUCKETS), query.compare());
        var fractions = ratios.fractions(periods, scope, method);
        var context = contexts.ratio(scope, query.details());
        var points = new ArrayList<RatioResult>();
        for (int i = 0; i < periods.current().size(); i++) {
            points.add(results.ratio(scope.withPeriod(periods.current().get(i)), method, fractions.get(i),
                    compared(periods, fractions, i), context));
        }
        return new KpiSeries<>(Kpi.CROSS_SELL_RATIO, granularity, scope.period().from(), scope.period().to(), points,
                context.asOf(), context.sourceUpdatedAt());
    }

    public KpiBreakdown<RatioResult> byUnit(KpiQuery query, RatioMethod method) {
        return snapshot.read(query.details(), () -> {
            var scope = scopes.resolve(query, null);
            var periods = PeriodList.of(scope.period(), query.compare());
            var context = contexts.ratio(scope, query.details());
            return KpiBreakdown.of(ratios.byUnit(periods, scope, method), periods, context,
                    (row, compared) -> results.ratio(scope.withUnit(row.key()), method, row.fraction(), compared,
                            context));
        });
    }

    public CrossSellMatrix matrix(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String segment) {
        return matrix(from, to, zone, segment, false);
    }

    /** The matrix, its cells and customer bases read in one snapshot; with {@code details} also asOf and more. */
    public CrossSellMatrix matrix(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String segment,
            boolean details) {
        return snapshot.read(true, () -> matrix(new KpiQuery(from, to, zone, null, null, segment, null, details)));
    }

    private CrossSellMatrix matrix(KpiQuery query) {
        var scope = scopes.resolve(query, null);
        var period = scope.period();
        var context = contexts.ratio(scope, query.details());
        var units = matrix.customersByUnit(period, scope.segment());
        var customersByUnit = new LinkedHashMap<String, Long>();
        units.forEach(unit -> customersByUnit.put(unit.code(), unit.customers()));
        return new CrossSellMatrix(period.from(), period.to(), period.zone().getId(), scope.segment(),
                matrix.cells(period, scope.segment(), units), customersByUnit, context.asOf(),
                context.sourceUpdatedAt());
    }

    private static KpiResults.@Nullable Compared compared(PeriodList periods, List<Fraction> fractions, int index) {
        return periods.compare() == null ? null
                : periods.compared(index, fractions.get(periods.comparedIdx(index) - 1));
    }
}
