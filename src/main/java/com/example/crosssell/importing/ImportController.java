package com.example.crosssell.importing;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/import")
@Tag(name = "Bulk import", description = "Initial and bulk loads of units, customers and opportunities.")
class ImportController {

    static final String NDJSON = "application/x-ndjson";

    private final RecordImporter importer;

    private final JsonMapper json;

    private final ImportProperties properties;

    ImportController(RecordImporter importer, JsonMapper json, ImportProperties properties) {
        this.importer = importer;
        this.json = json;
        this.properties = properties;
    }

    @PostMapping(path = "/{records}", consumes = {NDJSON, "text/csv"})
    @Operation(summary = "Import records from NDJSON or CSV", description = """
            Streams the body (no size limit; memory stays flat) and writes it in batches. NDJSON: one JSON object \
            per line with the record's key (`code` for units, `externalId` otherwise) and its fields as for PUT. \
            CSV (RFC 4180 quoting, UTF-8): a header row with the same field names, each once; an empty field is \
            absent. Blank lines are skipped; a line longer than `crosssell.importing.max-line-size` is rejected.

            Each line is validated like a PUT body; a line with an invalid field, or referring to a unit or \
            customer that does not exist, is rejected alone; every other line is committed (one transaction per \
            batch). `updatedAt` is honoured as for PUT and webhooks: a line older than the stored record (or its \
            deletion) is `stale`, an equal one `unchanged`; neither is written. A key repeated in the file is \
            applied in file order. The answer counts every outcome and lists the first 100 rejected lines.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = NDJSON, schema = @Schema(type = "string", example = """
                            {"externalId": "C1", "homeUnit": "RET", "customerSince": "2024-01-10", "segment": "SMB"}
                            {"externalId": "C2", "homeUnit": "RET", "customerSince": "2024-06-01"}
                            """)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = """
                            externalId,name,homeUnit,customerSince,segment,updatedAt
                            C1,"Lovelace, Ada",RET,2024-01-10,SMB,2025-01-02T08:00:00Z
                            """))}))
    @ApiResponse(responseCode = "200", description = "Imported; see the counts and errors")
    @ApiResponse(responseCode = "400", description = "A CSV header names a column twice; nothing imported",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Neither application/x-ndjson nor text/csv",
            content = @Content(mediaType = "application/problem+json"))
    @Parameter(name = "records", in = ParameterIn.PATH, description = "units, customers or opportunities",
            schema = @Schema(allowableValues = {"units", "customers", "opportunities"}))
    ImportResult importRecords(
            @PathVariable ImportedRecords records,
            @RequestHeader("Content-Type") @Parameter(hidden = true) MediaType contentType,
            HttpServletRequest request) throws IOException {
        var body = request.getInputStream();
        var rows = contentType.isCompatibleWith(MediaType.valueOf(NDJSON)) ? new NdjsonRows(body, json,
                properties.maxLineBytes()) : new CsvRows(body, json, properties.maxLineBytes());
        return importer.run(records, rows);
    }
}
