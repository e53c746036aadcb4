package com.example.crosssell.opportunity;

import com.example.crosssell.RecordKeys;
import com.example.crosssell.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = """
        Cross-sell opportunities, keyed by the CRM's externalId. A WON opportunity whose product unit differs from \
        its customer's home unit is a cross-sold product.""")
class OpportunityController {

    private static final String ID = "The CRM's opportunity id: 1–128 characters, no '/', no control characters.";

    private final OpportunityService opportunities;

    OpportunityController(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Create or replace an opportunity", description = """
            201 when the opportunity is new, 200 when replaced. `closedAt` is required for WON and LOST, absent \
            for OPEN and never before `openedAt`. When both the stored opportunity and the body carry `updatedAt` \
            and the body's is older (stale) or equal (unchanged), nothing is written and the stored opportunity is \
            returned with 200; the `Write-Outcome` header says which (CREATED, UPDATED, UNCHANGED, STALE).""")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Replaced, or left as it was when the body is not newer")
    @ApiResponse(responseCode = "400", description = "Invalid externalId or body; `errors` lists each field")
    @ApiResponse(responseCode = "409", description = "The CRM deleted this opportunity with a newer or equal updatedAt "
            + "(tombstone); send a newer updatedAt, or none, to bring it back")
    @ApiResponse(responseCode = "422", description = "customer or productUnit does not exist")
    @Parameter(name = "externalId", in = ParameterIn.PATH, description = ID, example = "O1")
    ResponseEntity<OpportunityResponse> put(
            @PathVariable @Pattern(regexp = RecordKeys.EXTERNAL_ID, message = ID) String externalId,
            @Valid @RequestBody OpportunityRequest body) {
        var saved = opportunities.upsert(externalId, body);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Write-Outcome", saved.outcome().name()).body(saved.record());
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Get one opportunity")
    @ApiResponse(responseCode = "200", description = "The opportunity")
    @ApiResponse(responseCode = "404", description = "No opportunity with this externalId")
    @Parameter(name = "externalId", in = ParameterIn.PATH, description = ID, example = "O1")
    OpportunityResponse get(@PathVariable String externalId) {
        return opportunities.get(externalId);
    }

    @GetMapping
    @Operation(summary = "List opportunities", description = "Pages of opportunities ordered by externalId "
            + "(code-point order); every filter given must match.")
    @Parameter(name = "customer", in = ParameterIn.QUERY, description = "Only opportunities of this customer.",
            example = "C1")
    @Parameter(name = "productUnit", in = ParameterIn.QUERY, description = "Only opportunities for this product unit.",
            example = "INS")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only opportunities in this status (any "
            + "letter case).", example = "WON")
    @Parameter(name = "owner", in = ParameterIn.QUERY, description = "Only opportunities of this owner.",
            example = "agent-7")
    PagedModel<OpportunityResponse> list(
            @RequestParam(required = false) @Nullable String customer,
            @RequestParam(required = false) @Nullable String productUnit,
            @RequestParam(required = false) @Nullable OpportunityStatus status,
            @RequestParam(required = false) @Nullable String owner,
            @Valid @ParameterObject PageQuery paging) {
        return opportunities.list(customer, productUnit, status, owner, paging);
    }

    @DeleteMapping("/{externalId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an opportunity")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No opportunity with this externalId")
    @Parameter(name = "externalId", in = ParameterIn.PATH, description = ID, example = "O1")
    void delete(@PathVariable String externalId) {
        opportunities.delete(externalId);
    }
}
