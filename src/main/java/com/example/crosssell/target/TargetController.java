package com.example.crosssell.target;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Targets", description = "KPI targets per unit or for the whole company (docs/kpis.md, \"Targets\"). "
        + "Every KPI result for that unit then carries target: {percent, attainmentPoints, effectiveFrom}, using the "
        + "target in force on the period's last day.")
class TargetController {

    private static final String KPI = "`cross-sell-ratio` or `conversion-rate`; anything else → 404.";

    private static final String UNIT = "Unit code, or `_company` for the whole company (KPI results without "
            + "`unit`). An unknown unit → 404.";

    private final TargetService targets;

    TargetController(TargetService targets) {
        this.targets = targets;
    }

    @PutMapping("/{kpi}/{unit}")
    @Operation(summary = "Create or replace a target", description = "One target per KPI, unit and effectiveFrom; "
            + "it is in force from effectiveFrom until the next target's effectiveFrom. 201 when new, 200 when the "
            + "target of that day is replaced. Example: PUT /api/v1/targets/cross-sell-ratio/RET "
            + "{\"percent\": 35.0, \"effectiveFrom\": \"2025-01-01\"} → RET's Q1 2025 ratio (66.67 %) carries "
            + "target {percent: 35.00, attainmentPoints: 31.67}.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "400", description = "Invalid body; `errors` lists each field")
    @ApiResponse(responseCode = "404", description = "Unknown KPI or unit")
    @Parameter(name = "kpi", in = ParameterIn.PATH, description = KPI, example = "cross-sell-ratio")
    @Parameter(name = "unit", in = ParameterIn.PATH, description = UNIT, example = "RET")
    ResponseEntity<TargetResponse> put(
            @PathVariable String kpi,
            @PathVariable String unit,
            @Valid @RequestBody TargetRequest body) {
        var saved = targets.upsert(kpi, unit, body);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.record());
    }

    @GetMapping("/{kpi}/{unit}")
    @Operation(summary = "Targets of one KPI and unit", description = "Ordered by effectiveFrom; empty when none.")
    @ApiResponse(responseCode = "200", description = "The targets")
    @ApiResponse(responseCode = "404", description = "Unknown KPI or unit")
    @Parameter(name = "kpi", in = ParameterIn.PATH, description = KPI, example = "cross-sell-ratio")
    @Parameter(name = "unit", in = ParameterIn.PATH, description = UNIT, example = "RET")
    List<TargetResponse> list(
            @PathVariable String kpi,
            @PathVariable String unit) {
        return targets.list(kpi, unit);
    }

    @GetMapping
    @Operation(summary = "Every target", description = "Ordered by KPI, unit (the company first, then code-point "
            + "order) and effectiveFrom.")
    @ApiResponse(responseCode = "200", description = "The targets")
    List<TargetResponse> listAll() {
        return targets.listAll();
    }

    @DeleteMapping("/{kpi}/{unit}")
    @Operation(summary = "Delete targets", description = "With `effectiveFrom`: the target starting that day; "
            + "without: every target of the KPI and unit. 404 when there is none.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Unknown KPI or unit, or no such target")
    @Parameter(name = "kpi", in = ParameterIn.PATH, description = KPI, example = "cross-sell-ratio")
    @Parameter(name = "unit", in = ParameterIn.PATH, description = UNIT, example = "RET")
    @Parameter(name = "effectiveFrom", in = ParameterIn.QUERY, description = "Only the target starting on this day.",
            example = "2025-01-01")
    ResponseEntity<Void> delete(
            @PathVariable String kpi,
            @PathVariable String unit,
            @RequestParam(required = false) @Nullable LocalDate effectiveFrom) {
        targets.delete(kpi, unit, effectiveFrom);
        return ResponseEntity.noContent().build();
    }
}
