package com.example.crosssell.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cross-sell ratio: one period, a series, per unit; and the cross-sell matrix (docs/kpis.md). */
@Service
public class CrossSellRatioService {

    /** SPEC §4: more buckets than this → 400. */
    static final int MAX_BUCKETS = 1000;

    private final KpiScopes scopes;

    private final CrossSellRatioQuery ratios;

    private final CrossSellMatrixQuery matrix;

    private final KpiResults results;

    CrossSellRatioService(KpiScopes scopes, CrossSellRatioQuery ratios, CrossSellMatrixQuery matrix,
            KpiResults results) {
        this.scopes = scopes;
        this.ratios = ratios;
        this.matrix = matrix;
        this.results = results;
    }

    @Transactional(readOnly = true)
    public RatioResult result(KpiQuery query, RatioMethod method) {
        var scope = scopes.resolve(query, null);
        var periods = PeriodList.of(scope.period(), query.compare());
        var fractions = ratios.fractions(periods, scope, method);
        return results.ratio(scope, method, fractions.get(0), compared(periods, fractions, 0));
    }

    @Transactional(readOnly = true)
    public KpiSeries<RatioResult> series(KpiQuery query, RatioMethod method, Granularity granularity) {
        var scope = scopes.resolve(query, null);
        var periods = new PeriodList(scope.period().buckets(granularity, MAX_BUCKETS), query.compare());
        var fractions = ratios.fractions(periods, scope, method);
        var points = new ArrayList<RatioResult>();
        for (int i = 0; i < periods.current().size(); i++) {
            points.add(results.ratio(scope.withPeriod(periods.current().get(i)), method, fractions.get(i),
                    compared(periods, fractions, i)));
        }
        return new KpiSeries<>(Kpi.CROSS_SELL_RATIO, granularity, scope.period().from(), scope.period().to(), points);
    }

    @Transactional(readOnly = true)
    public KpiBreakdown<RatioResult> byUnit(KpiQuery query, RatioMethod method) {
        var scope = scopes.resolve(query, null);
        var periods = PeriodList.of(scope.period(), query.compare());
        return KpiBreakdown.of(ratios.byUnit(periods, scope, method), periods,
                (row, compared) -> results.ratio(scope.withUnit(row.key()), method, row.fraction(), compared));
    }

    @Transactional(readOnly = true)
    public CrossSellMatrix matrix(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String segment) {
        var scope = scopes.resolve(new KpiQuery(from, to, zone, null, null, segment, null), null);
        var period = scope.period();
        return new CrossSellMatrix(period.from(), period.to(), period.zone().getId(), scope.segment(),
                matrix.cells(period, scope.segment()), matrix.customersByUnit(period, scope.segment()));
    }

    private static KpiResults.@Nullable Compared compared(PeriodList periods, List<Fraction> fractions, int index) {
        return periods.compare() == null ? null
                : periods.compared(index, fractions.get(periods.comparedIdx(index) - 1));
    }
}
