package com.example.crosssell.unit;

import com.example.crosssell.RecordKeys;
import com.example.crosssell.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "Business units (product lines), keyed by code.")
class UnitController {

    private static final String CODE = "Unit code: 1–64 characters, [A-Za-z0-9][A-Za-z0-9_.-]*";

    private final UnitService units;

    UnitController(UnitService units) {
        this.units = units;
    }

    @PutMapping("/{code}")
    @Operation(summary = "Create or replace a unit", description = "201 when the unit is new, 200 when replaced.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "400", description = "Invalid code or body; `errors` lists each field")
    @Parameter(name = "code", in = ParameterIn.PATH, description = CODE, example = "RET")
    ResponseEntity<UnitResponse> put(
            @PathVariable @Pattern(regexp = RecordKeys.UNIT_CODE, message = CODE) String code,
            @Valid @RequestBody UnitRequest body) {
        var saved = units.upsert(code, body);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.record());
    }

    @GetMapping("/{code}")
    @Operation(summary = "Get one unit")
    @ApiResponse(responseCode = "200", description = "The unit")
    @ApiResponse(responseCode = "404", description = "No unit with this code")
    @Parameter(name = "code", in = ParameterIn.PATH, description = CODE, example = "RET")
    UnitResponse get(@PathVariable String code) {
        return units.get(code);
    }

    @GetMapping
    @Operation(summary = "List units", description = "Pages of units ordered by code (code-point order).")
    PagedModel<UnitResponse> list(@Valid @ParameterObject PageQuery paging) {
        return units.list(paging);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a unit", description = "409 while customers or opportunities still refer to it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No unit with this code")
    @ApiResponse(responseCode = "409", description = "Still referred to by customers or opportunities")
    @Parameter(name = "code", in = ParameterIn.PATH, description = CODE, example = "RET")
    void delete(@PathVariable String code) {
        units.delete(code);
    }
}
