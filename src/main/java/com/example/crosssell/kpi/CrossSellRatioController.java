package com.example.crosssell.kpi;

import java.time.LocalDate;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPIs", description = "Cross-Sell Ratio across Units and Cross-Selling Conversion Rate (docs/kpis.md).")
class CrossSellRatioController {

    private static final String RATIO = "**Cross-Sell Ratio across Units** = cross-sold products / customers. "
            + "A cross-sold product is a WON opportunity whose product unit differs from its customer's home unit. "
            + "Denominator: the customer base, customers with customerSince ≤ `to` (with `unit`: home unit = unit; "
            + "with unitRole=PRODUCT: home unit ≠ unit), in `segment` if given. Numerator (method=PRODUCTS): "
            + "cross-sold products of the base whose closedAt lies in the period (unitRole=PRODUCT: product unit = "
            + "unit); method=CUSTOMERS: distinct customers of the base with at least one.";

    private static final Set<String> RATIO_PARAMETERS = Set.of("from", "to", "zone", "unit", "unitRole", "segment",
            "method", "compare");

    private final CrossSellRatioService ratios;

    private final KpiResponses responses;

    CrossSellRatioController(CrossSellRatioService ratios, KpiResponses responses) {
        this.ratios = ratios;
        this.responses = responses;
    }

    @GetMapping("/cross-sell-ratio")
    @Operation(summary = "Cross-sell ratio of a unit or the whole company", description = RATIO
            + KpiParameters.RATIO_BANDS + KpiParameters.DATES + " Example (SPEC §5): from=2025-01-01&to=2025-03-31"
            + "&unit=RET → 2 / 3 (O1, O2), ratio 0.666667, percent 66.67, EXCELLENT; method=CUSTOMERS → 1 / 3, 33.33, "
            + "GOOD; whole company → 3 / 4, 75.00; unit=WEA → 0 / 0, NO_DATA.")
    @ApiResponse(responseCode = "200", description = "The ratio")
    @NotModifiedAndBadRequestResponses
    @UnknownUnitResponse
    @KpiPeriodParameters
    @KpiFilterParameters
    @Parameter(name = "method", in = ParameterIn.QUERY, description = KpiParameters.METHOD)
    @CompareAndDetailsParameters
    @Nullable RatioResult ratio(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(defaultValue = "PRODUCTS") RatioMethod method,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the cross-sell ratio", RATIO_PARAMETERS);
        var query = new KpiQuery(from, to, zone, unit, unitRole, segment, compare, details);
        return responses.conditional(webRequest, () -> ratios.result(query, method));
    }

    @GetMapping("/cross-sell-ratio/series")
    @Operation(summary = "Cross-sell ratio per calendar bucket", description = RATIO + " One result per bucket "
            + "(each with its own customer base, customerSince ≤ the bucket's last day), in order, answered by one "
            + "query." + KpiParameters.CSV + KpiParameters.RATIO_BANDS + KpiParameters.DATES
            + " Example (SPEC §5): "
            + "from=2025-01-01&to=2025-03-31&unit=RET&granularity=MONTH → January 1 / 2 = 50.00 GOOD, February 0 / 3 "
            + "= 0.00 POOR, March 1 / 3 = 33.33 GOOD.")
    @ApiResponse(responseCode = "200", description = "The series")
    @ApiResponse(responseCode = "304", description = "Conditional GET (If-None-Match / If-Modified-Since) and the "
            + "data has not changed since")
    @ApiResponse(responseCode = "400", description = "A parameter is missing, malformed or inconsistent, or more "
            + "than 1000 buckets; the problem names it")
    @UnknownUnitResponse
    @KpiPeriodParameters
    @KpiFilterParameters
    @Parameter(name = "method", in = ParameterIn.QUERY, description = KpiParameters.METHOD)
    @Parameter(name = "compare", in = ParameterIn.QUERY, description = KpiParameters.COMPARE
            + " Each point is compared with its own bucket's period.")
    @Parameter(name = "granularity", in = ParameterIn.QUERY, description = KpiParameters.GRANULARITY, example = "MONTH")
    @Parameter(name = "details", in = ParameterIn.QUERY, description = KpiParameters.DETAILS)
    @Nullable KpiSeries<RatioResult> series(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(defaultValue = "PRODUCTS") RatioMethod method,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @RequestParam(defaultValue = "MONTH") Granularity granularity,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the cross-sell ratio series",
                KpiParameters.with(RATIO_PARAMETERS, "granularity"));
        var query = new KpiQuery(from, to, zone, unit, unitRole, segment, compare, details);
        return responses.conditional(webRequest, () -> ratios.series(query, method, granularity));
    }

    @GetMapping("/cross-sell-ratio/by-unit")
    @Operation(summary = "Cross-sell ratio of every unit, and of the whole company", description = RATIO
            + " One row per unit, ordered by code (code-point order), NO_DATA rows included; `unitRole` decides "
            + "whether each row is the unit as home unit or as product unit; `total` is the whole company. `unit` "
            + "is not a parameter here." + KpiParameters.CSV + KpiParameters.RATIO_BANDS + KpiParameters.DATES
            + " Example (SPEC §5): "
            + "from=2025-01-01&to=2025-03-31 → INS 1 / 1 EXCELLENT, RET 2 / 3 EXCELLENT, WEA 0 / 0 NO_DATA; "
            + "total 3 / 4.")
    @ApiResponse(responseCode = "200", description = "Rows per unit and the total")
    @NotModifiedAndBadRequestResponses
    @KpiPeriodParameters
    @Parameter(name = "unitRole", in = ParameterIn.QUERY, description = KpiParameters.UNIT_ROLE)
    @Parameter(name = "segment", in = ParameterIn.QUERY, description = KpiParameters.SEGMENT)
    @Parameter(name = "method", in = ParameterIn.QUERY, description = KpiParameters.METHOD)
    @CompareAndDetailsParameters
    @Nullable KpiBreakdown<RatioResult> byUnit(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(defaultValue = "PRODUCTS") RatioMethod method,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the cross-sell ratio by unit (every unit is a row)",
                KpiParameters.without(RATIO_PARAMETERS, "unit"));
        var query = new KpiQuery(from, to, zone, null, unitRole, segment, compare, details);
        return responses.conditional(webRequest, () -> ratios.byUnit(query, method));
    }

    @GetMapping("/cross-sell-matrix")
    @Operation(summary = "Cross-sold products per home unit × product unit", description = "Cells: WON "
            + "opportunities closed in the period whose product unit differs from the customer's home unit, of "
            + "customers with customerSince ≤ `to` (in `segment` if given), counted per home unit and product unit; "
            + "non-zero cells only, ordered by homeUnit then productUnit (code-point order). customersByUnit: the "
            + "customer base of every unit (0 where none)." + KpiParameters.CSV + KpiParameters.DATES
            + " Example (SPEC §5): "
            + "from=2025-01-01&to=2025-03-31 → INS→RET 1, RET→INS 1, RET→WEA 1; customersByUnit INS 1, RET 3, WEA 0.")
    @ApiResponse(responseCode = "200", description = "The matrix")
    @NotModifiedAndBadRequestResponses
    @KpiPeriodParameters
    @Parameter(name = "segment", in = ParameterIn.QUERY, description = KpiParameters.SEGMENT)
    @Parameter(name = "details", in = ParameterIn.QUERY, description = KpiParameters.DETAILS)
    @Nullable CrossSellMatrix matrix(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the cross-sell matrix", Set.of("from", "to", "zone", "segment"));
        return responses.conditional(webRequest, () -> ratios.matrix(from, to, zone, segment, details));
    }
}
