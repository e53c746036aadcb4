package com.example.crosssell.kpi;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.example.crosssell.kpi.KpiResult.Comparison;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * RFC 4180 CSV of KPI answers (docs/kpis.md, "CSV"): a header row, CRLF line ends, quoting by Jackson's CSV module.
 * One row per series point, breakdown row (the total last, {@code total=true}), matrix cell or explained record.
 */
final class KpiCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv");

    static final String TEXT_CSV_VALUE = "text/csv";

    private static final CsvMapper MAPPER = new CsvMapper();

    private static final List<String> RESULT_COLUMNS = List.of("kpi", "from", "to", "zone", "unit", "unitRole",
            "segment", "owner", "method", "basis", "numerator", "denominator", "ratio", "percent", "band",
            "sampleSize", "lowSample", "confidenceLowPercent", "confidenceHighPercent", "targetPercent",
            "attainmentPoints", "comparisonPeriod", "comparisonFrom", "comparisonTo", "comparisonNumerator",
            "comparisonDenominator", "comparisonPercent", "comparisonBand", "changePoints", "bandChangeFrom",
            "bandChangeTo", "definitionVersion", "asOf", "sourceUpdatedAt");

    private static final List<String> EXPLAIN_COLUMNS = List.of("kind", "externalId", "customer", "homeUnit",
            "customerSince", "segment", "productUnit", "owner", "status", "openedAt", "closedAt", "crossSoldProducts",
            "updatedAt", "reason", "reasonText");

    private KpiCsv() {
    }

    static void series(KpiSeries<?> series, OutputStream out) {
        write(out, RESULT_COLUMNS, rows -> series.points().forEach(point -> rows.accept(result(point))));
    }

    static void breakdown(KpiBreakdown<?> breakdown, OutputStream out) {
        var columns = new ArrayList<>(RESULT_COLUMNS);
        columns.add("total");
        write(out, columns, rows -> {
            breakdown.rows().forEach(row -> rows.accept(with(result(row), false)));
            rows.accept(with(result(breakdown.total()), true));
        });
    }

    static void matrix(CrossSellMatrix matrix, OutputStream out) {
        write(out, List.of("from", "to", "zone", "segment", "homeUnit", "productUnit", "crossSoldProducts",
                "homeUnitCustomers", "asOf"), rows -> matrix.cells().forEach(cell -> rows.accept(new Object[] {
                    matrix.from(), matrix.to(), matrix.zone(), matrix.segment(), cell.homeUnit(), cell.productUnit(),
                    cell.crossSoldProducts(), matrix.customersByUnit().get(cell.homeUnit()), matrix.asOf()})));
    }

    /** Explained rows as they come from the database cursor; {@code source} feeds each row to the consumer. */
    static void explain(Consumer<Consumer<ExplainRow>> source, OutputStream out) {
        write(out, EXPLAIN_COLUMNS, rows -> source.accept(row -> rows.accept(new Object[] {row.kind(),
                row.externalId(), row.customer(), row.homeUnit(), row.customerSince(), row.segment(),
                row.productUnit(), row.owner(), row.status(), row.openedAt(), row.closedAt(), row.crossSoldProducts(),
                row.updatedAt(), row.reason(), row.reasonText()})));
    }

    private static Object[] result(KpiResult result) {
        RatioResult ratio = result instanceof RatioResult r ? r : null;
        ConversionResult conversion = result instanceof ConversionResult c ? c : null;
        Comparison comparison = ratio != null ? ratio.comparison() : conversion.comparison();
        var target = ratio != null ? ratio.target() : conversion.target();
        var interval = conversion == null ? null : conversion.confidenceInterval();
        var bandChange = comparison == null ? null : comparison.bandChange();
        return new Object[] {ratio != null ? ratio.kpi() : conversion.kpi(), result.from(), result.to(),
                ratio != null ? ratio.zone() : conversion.zone(), ratio != null ? ratio.unit() : conversion.unit(),
                ratio != null ? ratio.unitRole() : conversion.unitRole(),
                ratio != null ? ratio.segment() : conversion.segment(), conversion == null ? null : conversion.owner(),
                ratio == null ? null : ratio.method(), conversion == null ? null : conversion.basis(),
                result.numerator(), result.denominator(), ratio != null ? ratio.ratio() : conversion.ratio(),
                result.percent(), ratio != null ? ratio.band() : conversion.band(),
                ratio != null ? ratio.sampleSize() : conversion.sampleSize(),
                ratio != null ? ratio.lowSample() : conversion.lowSample(),
                interval == null ? null : interval.lowPercent(), interval == null ? null : interval.highPercent(),
                target == null ? null : target.percent(), target == null ? null : target.attainmentPoints(),
                comparison == null ? null : comparison.period(), comparison == null ? null : comparison.from(),
                comparison == null ? null : comparison.to(), comparison == null ? null : comparison.numerator(),
                comparison == null ? null : comparison.denominator(), comparison == null ? null : comparison.percent(),
                comparison == null ? null : comparison.band(), comparison == null ? null : comparison.changePoints(),
                bandChange == null ? null : bandChange.from(), bandChange == null ? null : bandChange.to(),
                ratio != null ? ratio.definitionVersion() : conversion.definitionVersion(), result.asOf(),
                ratio != null ? ratio.sourceUpdatedAt() : conversion.sourceUpdatedAt()};
    }

    private static Object[] with(Object[] row, Object last) {
        var longer = Arrays.copyOf(row, row.length + 1);
        longer[row.length] = last;
        return longer;
    }

    /** Writes the header and the rows; every value as its string form, null as an empty field. */
    private static void write(OutputStream out, List<String> columns, Consumer<Consumer<Object[]>> rows) {
        var schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        try (SequenceWriter writer = MAPPER.writer(schema.build().withHeader().withLineSeparator("\r\n"))
                .writeValues(out)) {
            rows.accept(row -> writer.write(strings(row)));
        } // Jackson 3 reports I/O failures as unchecked JacksonIOException
    }

    private static @Nullable String[] strings(Object[] row) {
        var strings = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            strings[i] = row[i] == null ? null : row[i] instanceof BigDecimal d ? d.toPlainString()
                    : row[i].toString();
        }
        return strings;
    }
}
