package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.example.crosssell.kpi.KpiDefinition.BandThreshold;
import com.example.crosssell.kpi.KpiResult.BandChange;
import com.example.crosssell.kpi.KpiResult.BenchmarkDifference;
import com.example.crosssell.kpi.KpiResult.Comparison;
import com.example.crosssell.kpi.KpiResult.TargetAttainment;
import com.example.crosssell.target.TargetKpi;
import com.example.crosssell.target.TargetSchedule;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns counted fractions into results: band, interpretation, benchmarks and comparison from the configuration, and
 * what explains the number (definition, sample size, target, freshness; docs/kpis.md).
 */
@Component
class KpiResults {

    /**
     * Bumped when the counting rules (the SQL of the …Query classes) change meaning; the settings in force are
     * hashed after it, so {@code definitionVersion} changes with either.
     */
    static final String RULES_VERSION = "1";

    /** A fraction of the compared period, when the query asked for one. */
    record Compared(ComparePeriod compare, KpiPeriod period, Fraction fraction) {
    }

    /**
     * What every result of one response shares: the data version read with the counts, the newest CRM updatedAt and
     * the targets. Without {@code details} the results leave out every field this issue added (docs/kpis.md).
     */
    record Context(boolean details, @Nullable DataVersion version, @Nullable Instant sourceUpdatedAt,
            @Nullable TargetSchedule targets) {

        static Context withoutDetails() {
            return new Context(false, null, null, null);
        }

        @Nullable Instant asOf() {
            return version == null ? null : version.asOf();
        }
    }

    private final KpiProperties properties;

    private final String definitionVersion;

    KpiResults(KpiProperties properties) {
        this.properties = properties;
        this.definitionVersion = RULES_VERSION + "." + settingsHash(properties);
    }

    String definitionVersion() {
        return definitionVersion;
    }

    RatioResult ratio(KpiScope scope, RatioMethod method, Fraction fraction, @Nullable Compared compared,
            Context context) {
        var bands = properties.ratioBands();
        var band = bands.scale().bandOf(fraction);
        boolean details = context.details();
        var period = scope.period();
        return new RatioResult(Kpi.CROSS_SELL_RATIO, period.from(), period.to(), period.zone().getId(), scope.unit(),
                scope.unitRole(), scope.segment(), method, fraction.numerator(), fraction.denominator(),
                fraction.ratio(), fraction.percent(), band, bands.interpretation(band),
                comparison(compared, bands.scale(), fraction), details ? definitionVersion : null,
                details ? ratioDefinition(scope, method) : null, details ? fraction.denominator() : null,
                details ? lowSample(fraction) : null, target(context, TargetKpi.CROSS_SELL_RATIO, scope, fraction),
                context.asOf(), context.sourceUpdatedAt());
    }

    ConversionResult conversion(KpiScope scope, ConversionBasis basis, Fraction fraction,
            @Nullable Compared compared, Context context) {
        var bands = properties.conversionBands();
        var band = bands.scale().bandOf(fraction);
        boolean details = context.details();
        var period = scope.period();
        var percent = fraction.percent();
        List<BenchmarkDifference> benchmarks = properties.benchmarks().stream()
                .map(b -> new BenchmarkDifference(b.name(), b.source(), b.percent(),
                        Fraction.differencePoints(percent, b.percent())))
                .toList();
        return new ConversionResult(Kpi.CONVERSION_RATE, period.from(), period.to(), period.zone().getId(),
                scope.unit(), scope.unitRole(), scope.segment(), scope.owner(), basis, fraction.numerator(),
                fraction.denominator(), fraction.ratio(), percent, band, bands.interpretation(band), benchmarks,
                comparison(compared, bands.scale(), fraction), details ? definitionVersion : null,
                details ? conversionDefinition(scope, basis) : null, details ? fraction.denominator() : null,
                details ? lowSample(fraction) : null, details ? WilsonInterval.of(fraction) : null,
                target(context, TargetKpi.CONVERSION_RATE, scope, fraction), context.asOf(),
                context.sourceUpdatedAt());
    }

    private boolean lowSample(Fraction fraction) {
        return fraction.denominator() < properties.lowSampleMinimum();
    }

    private static @Nullable TargetAttainment target(Context context, TargetKpi kpi, KpiScope scope,
            Fraction fraction) {
        var targets = context.targets();
        if (targets == null) {
            return null;
        }
        var inForce = targets.inForce(scope.unit(), scope.period().to());
        return inForce == null ? null : new TargetAttainment(inForce.percent(),
                Fraction.differencePoints(fraction.percent(), inForce.percent()), inForce.effectiveFrom());
    }

    private static @Nullable Comparison comparison(@Nullable Compared compared, BandScale scale, Fraction current) {
        if (compared == null) {
            return null;
        }
        var fraction = compared.fraction();
        BigDecimal percent = fraction.percent();
        var before = scale.bandOf(fraction);
        var now = scale.bandOf(current);
        return new Comparison(compared.compare(), compared.period().from(), compared.period().to(),
                fraction.numerator(), fraction.denominator(), fraction.ratio(), percent, before,
                Fraction.differencePoints(current.percent(), percent),
                before == now ? null : new BandChange(before, now));
    }

    private KpiDefinition ratioDefinition(KpiScope scope, RatioMethod method) {
        var period = scope.period();
        var formula = method == RatioMethod.CUSTOMERS
                ? "customers of the base with at least one cross-sold product / customers in the customer base"
                : "cross-sold products / customers in the customer base";
        var base = new StringBuilder("customers with customerSince ≤ ").append(period.to());
        if (scope.unit() != null) {
            base.append(scope.unitRole() == UnitRole.CUSTOMER ? " whose home unit is " : " whose home unit is not ")
                    .append(scope.unit());
        }
        appendSegment(base, scope);
        var counted = new StringBuilder("WON opportunities closed in [periodStart, periodEnd) whose product unit "
                + "differs from the customer's home unit, of customers in the base");
        if (scope.unit() != null && scope.unitRole() == UnitRole.PRODUCT) {
            counted.append(", with product unit ").append(scope.unit());
        }
        return new KpiDefinition(formula, method, null, base.toString(), counted.toString(), period.zone().getId(),
                period.start(), period.end(), DayOfWeek.MONDAY.name(), thresholds(properties.ratioBands().scale()),
                properties.lowSampleMinimum());
    }

    private KpiDefinition conversionDefinition(KpiScope scope, ConversionBasis basis) {
        var period = scope.period();
        var counted = new StringBuilder(basis == ConversionBasis.OPENED
                ? "opportunities opened in [periodStart, periodEnd), successful = now WON"
                : "opportunities closed in [periodStart, periodEnd), successful = WON");
        if (scope.unit() != null) {
            counted.append(scope.unitRole() == UnitRole.CUSTOMER ? ", of customers whose home unit is "
                    : ", whose product unit is ").append(scope.unit());
        }
        appendSegment(counted, scope);
        if (scope.owner() != null) {
            counted.append(", owned by ").append(scope.owner());
        }
        return new KpiDefinition("successful cross-sells / cross-sell opportunities × 100", null, basis, null,
                counted.toString(), period.zone().getId(), period.start(), period.end(), DayOfWeek.MONDAY.name(),
                thresholds(properties.conversionBands().scale()), properties.lowSampleMinimum());
    }

    private static void appendSegment(StringBuilder text, KpiScope scope) {
        if (scope.segment() != null) {
            text.append(", customers of segment ").append(scope.segment());
        }
    }

    private static List<BandThreshold> thresholds(BandScale scale) {
        return List.of(new BandThreshold(scale.top(), scale.topAbove(), false),
                new BandThreshold(scale.middle(), scale.middleFrom(), true),
                new BandThreshold(Band.POOR, BigDecimal.ZERO, true));
    }

    /** The first 8 hex digits of SHA-256 over every setting that changes a number or a band. */
    private static String settingsHash(KpiProperties properties) {
        var ratio = properties.ratioBands();
        var conversion = properties.conversionBands();
        var settings = String.join("|", ratio.excellentAbove().stripTrailingZeros().toPlainString(),
                ratio.goodFrom().stripTrailingZeros().toPlainString(),
                conversion.strongAbove().stripTrailingZeros().toPlainString(),
                conversion.moderateFrom().stripTrailingZeros().toPlainString(),
                String.valueOf(properties.lowSampleMinimum()));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }
}
