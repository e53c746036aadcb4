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
@RequestMapping("/api/v1/kpis/conversion-rate")
@Tag(name = "KPIs")
class ConversionRateController {

    private static final String CONVERSION = "**Cross-Selling Conversion Rate** = successful cross-sells / "
            + "cross-sell opportunities × 100. Every opportunity is a cross-sell opportunity, same-unit ones included; "
            + "there is no customerSince restriction. basis=OPENED (default): opportunities opened in the period, "
            + "successful = now WON; basis=CLOSED: opportunities closed in the period, successful = WON. Scope: with "
            + "`unit` and unitRole=CUSTOMER, opportunities of customers whose home unit is the unit; with "
            + "unitRole=PRODUCT, opportunities whose product unit is the unit; `segment` filters by the customer's "
            + "segment, `owner` by the opportunity's owner.";

    private static final Set<String> CONVERSION_PARAMETERS = Set.of("from", "to", "zone", "unit", "unitRole",
            "segment", "owner", "basis", "compare");

    private final ConversionRateService conversions;

    private final KpiResponses responses;

    ConversionRateController(ConversionRateService conversions, KpiResponses responses) {
        this.conversions = conversions;
        this.responses = responses;
    }

    @GetMapping
    @Operation(summary = "Conversion rate of a unit or the whole company", description = CONVERSION
            + KpiParameters.CONVERSION_BANDS + KpiParameters.DATES + " Example (SPEC §5): "
            + "from=2025-01-01&to=2025-03-31&unit=RET → 4 / 6 (O1 O2 O3 O4 O5 O7 opened; O1 O2 O4 O7 won), percent "
            + "66.67, STRONG, 46.67 points above the retail average; basis=CLOSED → 3 / 4, 75.00; whole company with "
            + "basis=CLOSED → 4 / 5, 80.00.")
    @ApiResponse(responseCode = "200", description = "The conversion rate")
    @NotModifiedAndBadRequestResponses
    @UnknownUnitResponse
    @KpiPeriodParameters
    @KpiFilterParameters
    @Parameter(name = "owner", in = ParameterIn.QUERY, description = KpiParameters.OWNER)
    @Parameter(name = "basis", in = ParameterIn.QUERY, description = KpiParameters.BASIS)
    @CompareAndDetailsParameters
    @Nullable ConversionResult conversionRate(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "OPENED") ConversionBasis basis,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the conversion rate", CONVERSION_PARAMETERS);
        var query = new KpiQuery(from, to, zone, unit, unitRole, segment, compare, details);
        return responses.conditional(webRequest, () -> conversions.result(query, owner, basis));
    }

    @GetMapping("/series")
    @Operation(summary = "Conversion rate per calendar bucket", description = CONVERSION + " One result per bucket, "
            + "in order, answered by one query." + KpiParameters.CSV
            + KpiParameters.CONVERSION_BANDS + KpiParameters.DATES)
    @ApiResponse(responseCode = "200", description = "The series")
    @ApiResponse(responseCode = "304", description = "Conditional GET (If-None-Match / If-Modified-Since) and the "
            + "data has not changed since")
    @ApiResponse(responseCode = "400", description = "A parameter is missing, malformed or inconsistent, or more "
            + "than 1000 buckets; the problem names it")
    @UnknownUnitResponse
    @KpiPeriodParameters
    @KpiFilterParameters
    @Parameter(name = "owner", in = ParameterIn.QUERY, description = KpiParameters.OWNER)
    @Parameter(name = "basis", in = ParameterIn.QUERY, description = KpiParameters.BASIS)
    @Parameter(name = "compare", in = ParameterIn.QUERY, description = KpiParameters.COMPARE
            + " Each point is compared with its own bucket's period.")
    @Parameter(name = "granularity", in = ParameterIn.QUERY, description = KpiParameters.GRANULARITY, example = "MONTH")
    @Parameter(name = "details", in = ParameterIn.QUERY, description = KpiParameters.DETAILS)
    @Nullable KpiSeries<ConversionResult> series(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "OPENED") ConversionBasis basis,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @RequestParam(defaultValue = "MONTH") Granularity granularity,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the conversion rate series",
                KpiParameters.with(CONVERSION_PARAMETERS, "granularity"));
        var query = new KpiQuery(from, to, zone, unit, unitRole, segment, compare, details);
        return responses.conditional(webRequest, () -> conversions.series(query, owner, basis,
                granularity));
    }

    @GetMapping("/by-unit")
    @Operation(summary = "Conversion rate of every unit, and of the whole company", description = CONVERSION
            + " One row per unit, ordered by code (code-point order), NO_DATA rows included; `unitRole` decides "
            + "whether each row is the unit as the customers' home unit or as product unit; `total` is the whole "
            + "company. `unit` is not a parameter here." + KpiParameters.CSV
            + KpiParameters.CONVERSION_BANDS + KpiParameters.DATES)
    @ApiResponse(responseCode = "200", description = "Rows per unit and the total")
    @NotModifiedAndBadRequestResponses
    @KpiPeriodParameters
    @Parameter(name = "unitRole", in = ParameterIn.QUERY, description = KpiParameters.UNIT_ROLE)
    @Parameter(name = "segment", in = ParameterIn.QUERY, description = KpiParameters.SEGMENT)
    @Parameter(name = "owner", in = ParameterIn.QUERY, description = KpiParameters.OWNER)
    @Parameter(name = "basis", in = ParameterIn.QUERY, description = KpiParameters.BASIS)
    @CompareAndDetailsParameters
    @Nullable KpiBreakdown<ConversionResult> byUnit(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "OPENED") ConversionBasis basis,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the conversion rate by unit (every unit is a row)",
                KpiParameters.without(CONVERSION_PARAMETERS, "unit"));
        var query = new KpiQuery(from, to, zone, null, unitRole, segment, compare, details);
        return responses.conditional(webRequest, () -> conversions.byUnit(query, owner, basis));
    }

    @GetMapping("/by-owner")
    @Operation(summary = "Conversion rate of every owner with opportunities in scope", description = CONVERSION
            + " One row per owner that has opportunities in scope in the period, ordered by owner (code-point "
            + "order); opportunities without owner form the row with \"owner\": null, last; `total` is the whole "
            + "scope. `owner` is not a parameter here." + KpiParameters.CSV
            + KpiParameters.CONVERSION_BANDS + KpiParameters.DATES)
    @ApiResponse(responseCode = "200", description = "Rows per owner and the total")
    @NotModifiedAndBadRequestResponses
    @UnknownUnitResponse
    @KpiPeriodParameters
    @KpiFilterParameters
    @Parameter(name = "basis", in = ParameterIn.QUERY, description = KpiParameters.BASIS)
    @CompareAndDetailsParameters
    @Nullable KpiBreakdown<ConversionResult> byOwner(
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(defaultValue = "OPENED") ConversionBasis basis,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @RequestParam(defaultValue = "true") boolean details,
            ServletWebRequest webRequest,
            HttpServletRequest request) {
        KpiParameters.rejectOthers(request, "the conversion rate by owner (every owner is a row)",
                KpiParameters.without(CONVERSION_PARAMETERS, "owner"));
        var query = new KpiQuery(from, to, zone, unit, unitRole, segment, compare, details);
        return responses.conditional(webRequest, () -> conversions.byOwner(query, basis));
    }
}
