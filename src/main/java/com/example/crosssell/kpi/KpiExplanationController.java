package com.example.crosssell.kpi;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;

import com.example.crosssell.RecordNotFoundException;
import com.example.crosssell.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPIs")
class KpiExplanationController {

    private static final String EXPLAIN = "The records behind a KPI number, with exactly the KPI's parameters "
            + "(`owner`/`basis` only for conversion-rate, `method` only for cross-sell-ratio; others → 400) plus "
            + "`part` and paging. NUMERATOR: the opportunities counted (method=CUSTOMERS: the customers, with "
            + "crossSoldProducts); DENOMINATOR: the ratio's customer base, or the conversion rate's opportunities; "
            + "EXCLUDED: opportunities of the same scope that meet the period (opened before its end, open or closed "
            + "after its start) but are not in the numerator, each with `reason` and `reasonText`: NOT_WON, "
            + "CLOSED_OUTSIDE_PERIOD, SAME_UNIT_AS_HOME, CUSTOMER_NOT_YET_IN_BASE (ratio); OPENED_OUTSIDE_PERIOD, "
            + "NOT_WON (basis=OPENED); STILL_OPEN, CLOSED_OUTSIDE_PERIOD, NOT_WON (basis=CLOSED). `total` of NUMERATOR "
            + "and DENOMINATOR equals the KPI's numerator and denominator. Rows are ordered by externalId (code-point "
            + "order) and paged in SQL. `compare` is accepted and ignored: the rows are those of the period itself. "
            + "`Accept: text/csv` streams every row of the part (no paging) as RFC 4180 CSV with a header row. "
            + "Example (SPEC §5), cross-sell-ratio from=2025-01-01&to=2025-03-31&unit=RET: NUMERATOR O1, O2 (total 2); "
            + "DENOMINATOR C1, C2, C3 (total 3; C5 joins in April); EXCLUDED O3 NOT_WON, O4 SAME_UNIT_AS_HOME, "
            + "O5 NOT_WON, O7 CLOSED_OUTSIDE_PERIOD.";

    private static final Set<String> RATIO = Set.of("from", "to", "zone", "unit", "unitRole", "segment", "method",
            "compare");

    private static final Set<String> CONVERSION = Set.of("from", "to", "zone", "unit", "unitRole", "segment",
            "owner", "basis", "compare");

    private final KpiExplanationService explanations;

    private final KpiResponses responses;

    KpiExplanationController(KpiExplanationService explanations, KpiResponses responses) {
        this.explanations = explanations;
        this.responses = responses;
    }

    @GetMapping(path = "/{kpi}/explain", produces = {MediaType.APPLICATION_JSON_VALUE, KpiCsv.TEXT_CSV_VALUE})
    @Operation(summary = "The records behind a KPI number (drill-down)", description = EXPLAIN + KpiParameters.DATES)
    @ApiResponse(responseCode = "200", description = "A page of rows (JSON) or every row (text/csv)")
    @ApiResponse(responseCode = "304", description = "Conditional GET and the data has not changed")
    @ApiResponse(responseCode = "400", description = "A parameter is missing, malformed, inconsistent or belongs "
            + "to the other KPI; the problem names it")
    @ApiResponse(responseCode = "404", description = "Unknown KPI or unit")
    @Parameter(name = "kpi", in = ParameterIn.PATH, description = "`cross-sell-ratio` or `conversion-rate`.",
            example = "cross-sell-ratio")
    @Parameter(name = "part", in = ParameterIn.QUERY,
            description = "NUMERATOR, DENOMINATOR or EXCLUDED (default NUMERATOR); any letter case.")
    @KpiPeriodParameters
    @KpiFilterParameters
    @Parameter(name = "owner", in = ParameterIn.QUERY, description = KpiParameters.OWNER + " Conversion rate only.")
    @Parameter(name = "method", in = ParameterIn.QUERY, description = KpiParameters.METHOD + " Cross-sell ratio only.")
    @Parameter(name = "basis", in = ParameterIn.QUERY, description = KpiParameters.BASIS + " Conversion rate only.")
    @Parameter(name = "compare", in = ParameterIn.QUERY,
            description = "Accepted and ignored: explain lists the period's own records.")
    @Nullable KpiExplanation explain(
            @PathVariable String kpi,
            @RequestParam(defaultValue = "NUMERATOR") ExplainPart part,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable UnitRole unitRole,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "PRODUCTS") RatioMethod method,
            @RequestParam(defaultValue = "OPENED") ConversionBasis basis,
            @RequestParam(required = false) @Nullable ComparePeriod compare,
            @Valid @ParameterObject PageQuery paging,
            ServletWebRequest webRequest,
            HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var which = kpi(kpi);
        boolean ratio = which == Kpi.CROSS_SELL_RATIO;
        KpiParameters.rejectOthers(request, "the " + kpi + " explanation", ratio ? RATIO : CONVERSION);
        var query = new KpiQuery(from, to, zone, unit, unitRole, segment, compare);
        if (!wantsCsv(request)) {
            return responses.conditional(webRequest,
                    () -> explanations.page(which, query, owner, method, basis, part, paging));
        }
        var spec = explanations.spec(which, query, owner, method, basis, part); // 400/404 before any byte is sent
        if (responses.notModified(webRequest)) {
            return null;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + kpi + "-" + part.name().toLowerCase(java.util.Locale.ROOT) + ".csv\"");
        explanations.writeCsv(spec, response.getOutputStream());
        return null;
    }

    private static Kpi kpi(String path) {
        return switch (path) {
            case "cross-sell-ratio" -> Kpi.CROSS_SELL_RATIO;
            case "conversion-rate" -> Kpi.CONVERSION_RATE;
            default -> throw new RecordNotFoundException("KPI", path);
        };
    }

    /** CSV when the client accepts text/csv and not JSON (a browser's or a client's default stays JSON). */
    private static boolean wantsCsv(HttpServletRequest request) {
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        var types = MediaType.parseMediaTypes(accept);
        return types.stream().anyMatch(type -> type.isCompatibleWith(KpiCsv.TEXT_CSV) && !type.isWildcardType())
                && types.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        && !type.isWildcardType() && !type.isWildcardSubtype());
    }
}
