package com.example.crosssell.kpi;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A KPI per unit or per owner ({@code rows}, in code-point order) and for the whole scope ({@code total}). */
public record KpiBreakdown<T extends KpiResult>(
        @Schema(description = "One result per unit (every unit, NO_DATA rows included) or per owner (no owner last).")
        List<T> rows,
        @Schema(description = "The same KPI without the per-row unit or owner.") T total,
        @JsonInclude(NON_NULL)
        @Schema(description = "With details=true: instant of the most recent write "
                + "accepted by the service (Last-Modified).") @Nullable Instant asOf,
        @JsonInclude(NON_NULL)
        @Schema(description = "With details=true: newest CRM updatedAt among the records counted for `total`, or null.")
        @Nullable Instant sourceUpdatedAt) {

    /**
     * Assembles the grouped rows of one statement: the rows of the current period (idx 1) in their SQL order, each
     * with the row of the same key in the compared period (idx 2), when asked for; a key absent there compares with
     * 0 / 0.
     */
    static <T extends KpiResult> KpiBreakdown<T> of(List<KeyedFraction> rows, PeriodList periods,
            KpiResults.Context context, BiFunction<KeyedFraction, KpiResults.@Nullable Compared, T> result) {
        var comparedByKey = new HashMap<@Nullable String, Fraction>();
        Fraction comparedTotal = new Fraction(0, 0);
        for (var row : rows) {
            if (row.period() == periods.comparedIdx(0)) {
                if (row.whole()) {
                    comparedTotal = row.fraction();
                }
                else {
                    comparedByKey.put(row.key(), row.fraction());
                }
            }
        }
        var keyed = new ArrayList<T>();
        T total = null;
        for (var row : rows) {
            if (row.period() != 1) {
                continue;
            }
            var compared = row.whole() ? comparedTotal : comparedByKey.getOrDefault(row.key(), new Fraction(0, 0));
            var value = result.apply(row, periods.compared(0, compared));
            if (row.whole()) {
                total = value;
            }
            else {
                keyed.add(value);
            }
        }
        return new KpiBreakdown<>(keyed, Objects.requireNonNull(total, "the statement always returns a total"),
                context.asOf(), context.sourceUpdatedAt());
    }
}
