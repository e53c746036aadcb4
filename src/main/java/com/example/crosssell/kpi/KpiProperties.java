package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * KPI engine settings ({@code crosssell.kpi.*}); the defaults are SPEC §1's thresholds, texts and benchmarks
 * (the benchmark list lives in application.yml); {@code lowSampleMinimum} is the denominator below which a result
 * is {@code lowSample}. Thresholds are percentages: "above" is exclusive, "from" inclusive. {@code resultCache}
 * bounds the exact cache of computed answers (KpiResultCache).
 */
@ConfigurationProperties("crosssell.kpi")
@Validated
public record KpiProperties(
        @DefaultValue("UTC") ZoneId businessZone,
        @DefaultValue("20y") Period maxRange,
        @Valid @DefaultValue RatioBands ratioBands,
        @Valid @DefaultValue ConversionBands conversionBands,
        List<@Valid Benchmark> benchmarks,
        @DefaultValue("30") @Min(1) int lowSampleMinimum,
        @Valid @DefaultValue ResultCache resultCache) {

    public KpiProperties {
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
    }

    /** Cross-sell ratio: above 50 % EXCELLENT, 30 %–50 % GOOD, below 30 % POOR. */
    public record RatioBands(
            @DefaultValue("50") @NotNull @DecimalMin("0") BigDecimal excellentAbove,
            @DefaultValue("30") @NotNull @DecimalMin("0") BigDecimal goodFrom,
            @DefaultValue("Excellent performance; indicates strong cross-selling capabilities.") @NotBlank
            String excellentText,
            @DefaultValue("Good performance; room for improvement exists.") @NotBlank String goodText,
            @DefaultValue("Poor performance; requires immediate attention and strategy reassessment.") @NotBlank
            String poorText,
            @DefaultValue("No customers in scope for this period.") @NotBlank String noDataText) {

        public RatioBands {
            requireOrdered("ratio-bands.good-from", goodFrom, "ratio-bands.excellent-above", excellentAbove);
        }

        BandScale scale() {
            return new BandScale(Band.EXCELLENT, excellentAbove, Band.GOOD, goodFrom);
        }

        String interpretation(Band band) {
            return switch (band) {
                case EXCELLENT -> excellentText;
                case GOOD -> goodText;
                case NO_DATA -> noDataText;
                default -> poorText;
            };
        }
    }

    /** Conversion rate: above 25 % STRONG, 15 %–25 % MODERATE, below 15 % POOR. */
    public record ConversionBands(
            @DefaultValue("25") @NotNull @DecimalMin("0") BigDecimal strongAbove,
            @DefaultValue("15") @NotNull @DecimalMin("0") BigDecimal moderateFrom,
            @DefaultValue("Strong performance; indicates effective cross-selling strategies.") @NotBlank
            String strongText,
            @DefaultValue("Moderate performance; room for improvement exists.") @NotBlank String moderateText,
            @DefaultValue("Poor performance; requires immediate attention and strategy reassessment.") @NotBlank
            String poorText,
            @DefaultValue("No opportunities in scope for this period.") @NotBlank String noDataText) {

        public ConversionBands {
            requireOrdered("conversion-bands.moderate-from", moderateFrom, "conversion-bands.strong-above",
                    strongAbove);
        }

        BandScale scale() {
            return new BandScale(Band.STRONG, strongAbove, Band.MODERATE, moderateFrom);
        }

        String interpretation(Band band) {
            return switch (band) {
                case STRONG -> strongText;
                case MODERATE -> moderateText;
                case NO_DATA -> noDataText;
                default -> poorText;
            };
        }
    }

    /** Fails startup when a middle band would start above the top band's threshold. */
    private static void requireOrdered(String lowName, BigDecimal low, String highName, BigDecimal high) {
        if (low != null && high != null && low.compareTo(high) > 0) {
            throw new IllegalArgumentException("crosssell.kpi.%s (%s) must not be above crosssell.kpi.%s (%s)"
                    .formatted(lowName, low, highName, high));
        }
    }

    /**
     * The in-memory cache of computed KPI answers: at most {@code maxResults} results held (a single answer counts 1,
     * a series, breakdown, matrix or explain page 1 plus one per point, row or cell); 0 turns it off. The JSON of the
     * answers it holds is kept too, at most {@code maxJsonSize} bytes of it (KpiJsonConverter); 0 writes every answer
     * afresh.
     */
    public record ResultCache(@DefaultValue("20000") @Min(0) int maxResults,
            @DefaultValue("16MB") DataSize maxJsonSize) {

        /** Bytes of JSON to keep: none when either bound is 0. */
        long jsonBytes() {
            return maxResults == 0 ? 0 : Math.max(0, maxJsonSize.toBytes());
        }
    }

    /** A published conversion-rate benchmark, shown with the difference in percentage points. */
    public record Benchmark(@NotBlank String name, @NotBlank String source, @NotNull BigDecimal percent) {
    }
}
