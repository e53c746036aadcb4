package com.example.crosssell.customer;

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
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customers, keyed by the CRM's externalId; each belongs to one home unit.")
class CustomerController {

    private static final String ID = "The CRM's customer id: 1–128 characters, no '/', no control characters.";

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Create or replace a customer", description = """
            201 when the customer is new, 200 when replaced. When both the stored customer and the body carry \
            `updatedAt` and the body's is older (stale) or equal (unchanged), nothing is written and the stored \
            customer is returned with 200; the `Write-Outcome` header says which (CREATED, UPDATED, UNCHANGED, \
            STALE).""")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Replaced, or left as it was when the body is not newer")
    @ApiResponse(responseCode = "400", description = "Invalid externalId or body; `errors` lists each field")
    @ApiResponse(responseCode = "409", description = "The CRM deleted this customer with a newer or equal updatedAt "
            + "(tombstone); send a newer updatedAt, or none, to bring it back")
    @ApiResponse(responseCode = "422", description = "homeUnit does not exist")
    @Parameter(name = "externalId", in = ParameterIn.PATH, description = ID, example = "C1")
    ResponseEntity<CustomerResponse> put(
            @PathVariable @Pattern(regexp = RecordKeys.EXTERNAL_ID, message = ID) String externalId,
            @Valid @RequestBody CustomerRequest body) {
        var saved = customers.upsert(externalId, body);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Write-Outcome", saved.outcome().name()).body(saved.record());
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Get one customer")
    @ApiResponse(responseCode = "200", description = "The customer")
    @ApiResponse(responseCode = "404", description = "No customer with this externalId")
    @Parameter(name = "externalId", in = ParameterIn.PATH, description = ID, example = "C1")
    CustomerResponse get(@PathVariable String externalId) {
        return customers.get(externalId);
    }

    @GetMapping
    @Operation(summary = "List customers", description = "Pages of customers ordered by externalId (code-point "
            + "order), optionally only those of one home unit and/or one segment.")
    @Parameter(name = "homeUnit", in = ParameterIn.QUERY, description = "Only customers of this home unit.",
            example = "RET")
    @Parameter(name = "segment", in = ParameterIn.QUERY, description = "Only customers of this segment.",
            example = "SMB")
    PagedModel<CustomerResponse> list(
            @RequestParam(required = false) @Nullable String homeUnit,
            @RequestParam(required = false) @Nullable String segment,
            @Valid @ParameterObject PageQuery paging) {
        return customers.list(homeUnit, segment, paging);
    }

    @DeleteMapping("/{externalId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a customer", description = "409 while opportunities still refer to the customer.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No customer with this externalId")
    @ApiResponse(responseCode = "409", description = "Opportunities still refer to the customer")
    @Parameter(name = "externalId", in = ParameterIn.PATH, description = ID, example = "C1")
    void delete(@PathVariable String externalId) {
        customers.delete(externalId);
    }
}
