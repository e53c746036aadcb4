package com.example.crosssell.kpi;

import java.math.BigDecimal;
import java.util.List;

import com.example.crosssell.kpi.KpiResult.BenchmarkDifference;
import com.example.crosssell.kpi.KpiResult.Comparison;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns counted fractions into results: band, interpretation, benchmarks and comparison from the configuration. */
@Component
class KpiResults {

    /** A fraction of the compared period, when the query asked for one. */
    record Compared(ComparePeriod compare, KpiPeriod period, Fraction fraction) {
    }

    private final KpiProperties properties;

    KpiResults(KpiProperties properties) {
        this.properties = properties;
    }

    RatioResult ratio(KpiScope scope, RatioMethod method, Fraction fraction, @Nullable Compared compared) {
        var bands = properties.ratioBands();
        var band = bands.scale().bandOf(fraction);
        var period = scope.period();
        return new RatioResult(Kpi.CROSS_SELL_RATIO, period.from(), period.to(), period.zone().getId(), scope.unit(),
                scope.unitRole(), scope.segment(), method, fraction.numerator(), fraction.denominator(),
                fraction.ratio(), fraction.percent(), band, bands.interpretation(band),
                comparison(compared, bands.scale(), fraction));
    }

    ConversionResult conversion(KpiScope scope, ConversionBasis basis, Fraction fraction,
            @Nullable Compared compared) {
        var bands = properties.conversionBands();
        var band = bands.scale().bandOf(fraction);
        var period = scope.period();
        var percent = fraction.percent();
        List<BenchmarkDifference> benchmarks = properties.benchmarks().stream()
                .map(b -> new BenchmarkDifference(b.name(), b.source(), b.percent(),
                        Fraction.differencePoints(percent, b.percent())))
                .toList();
        return new ConversionResult(Kpi.CONVERSION_RATE, period.from(), period.to(), period.zone().getId(),
                scope.unit(), scope.unitRole(), scope.segment(), scope.owner(), basis, fraction.numerator(),
                fraction.denominator(), fraction.ratio(), percent, band, bands.interpretation(band), benchmarks,
                comparison(compared, bands.scale(), fraction));
    }

    private static @Nullable Comparison comparison(@Nullable Compared compared, BandScale scale, Fraction current) {
        if (compared == null) {
            return null;
        }
        var fraction = compared.fraction();
        BigDecimal percent = fraction.percent();
        return new Comparison(compared.compare(), compared.period().from(), compared.period().to(),
                fraction.numerator(), fraction.denominator(), fraction.ratio(), percent, scale.bandOf(fraction),
                Fraction.differencePoints(current.percent(), percent));
    }
}
