package com.example.crosssell.kpi;

import java.io.OutputStream;

import com.example.crosssell.kpi.ExplainQuery.Spec;
import com.example.crosssell.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel.PageMetadata;
import org.springframework.stereotype.Service;

/** Lists the records behind a KPI number, a page at a time or streamed as CSV (docs/kpis.md, "Explain"). */
@Service
public class KpiExplanationService {

    private final KpiSnapshot snapshot;

    private final KpiScopes scopes;

    private final ExplainQuery records;

    private final KpiContexts contexts;

    private final KpiResults results;

    KpiExplanationService(KpiSnapshot snapshot, KpiScopes scopes, ExplainQuery records, KpiContexts contexts,
            KpiResults results) {
        this.snapshot = snapshot;
        this.scopes = scopes;
        this.records = records;
        this.contexts = contexts;
        this.results = results;
    }

    /** Checks the parameters (400 naming one, 404 for a unit) before anything is written. */
    Spec spec(Kpi kpi, KpiQuery query, @Nullable String owner, RatioMethod method, ConversionBasis basis,
            ExplainPart part) {
        return new Spec(kpi, part, scopes.resolve(query, kpi == Kpi.CONVERSION_RATE ? owner : null), method, basis);
    }

    public KpiExplanation page(Kpi kpi, KpiQuery query, @Nullable String owner, RatioMethod method,
            ConversionBasis basis, ExplainPart part, PageQuery paging) {
        return snapshot.readPlanningEachCall(() -> {
            var spec = spec(kpi, query, owner, method, basis, part);
            var total = records.totals(spec).total();
            var rows = records.page(spec, paging.size(), (long) paging.page() * paging.size());
            var scope = spec.scope();
            var period = scope.period();
            boolean ratio = kpi == Kpi.CROSS_SELL_RATIO;
            return new KpiExplanation(kpi, part, period.from(), period.to(), period.zone().getId(), scope.unit(),
                    scope.unitRole(), scope.segment(), scope.owner(), ratio ? method : null, ratio ? null : basis,
                    total, results.definitionVersion(), contexts.version().asOf(), rows, new PageMetadata(
                            paging.size(), paging.page(), total, (total + paging.size() - 1) / paging.size()));
        });
    }

    /** Every row of the part as CSV, read with a cursor and written as it comes. */
    void writeCsv(Spec spec, OutputStream out) {
        snapshot.readPlanningEachCall(() -> KpiCsv.explain(each -> records.stream(spec, each), out));
    }
}
