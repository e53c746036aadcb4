package com.example.crosssell.importing;

import java.lang.annotation.ElementType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.example.crosssell.BatchRow;
import com.example.crosssell.RecordKeys;
import com.example.crosssell.RowOutcome;
import com.example.crosssell.customer.CustomerBatchWriter;
import com.example.crosssell.customer.CustomerRequest;
import com.example.crosssell.metrics.IntegrationMetrics;
import com.example.crosssell.opportunity.OpportunityBatchWriter;
import com.example.crosssell.opportunity.OpportunityRequest;
import com.example.crosssell.unit.UnitBatchWriter;
import com.example.crosssell.unit.UnitRequest;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams an import: each line is mapped into the record's request type and validated like a PUT body, valid lines
 * go in batches to the record feature's batch writer (one transaction per batch, so valid lines are committed even
 * when others are rejected). The lines are split by key into {@code crosssell.importing.lanes} lanes
 * ({@link BatchPipeline}), each writing its batches in file order on its own thread and connection, so the
 * database merges two batches at a time while this thread parses: a key's lines all take one lane, and lanes never
 * share a key. At most two batches per lane are in memory.
 */
@Service
class RecordImporter {

    private static final Logger log = LoggerFactory.getLogger(RecordImporter.class);

    private static final String ID = "1–128 characters without '/' or control characters";

    private static final Pattern UNIT_CODE = Pattern.compile(RecordKeys.UNIT_CODE);

    private static final Pattern EXTERNAL_ID = Pattern.compile(RecordKeys.EXTERNAL_ID);

    private final JsonMapper json;

    private final Validator validator;

    private final UnitBatchWriter units;

    private final CustomerBatchWriter customers;

    private final OpportunityBatchWriter opportunities;

    private final ImportProperties properties;

    private final IntegrationMetrics metrics;

    RecordImporter(JsonMapper json, ValidatorFactory validators, UnitBatchWriter units,
            CustomerBatchWriter customers, OpportunityBatchWriter opportunities, ImportProperties properties,
            IntegrationMetrics metrics) {
        this.metrics = metrics;
        this.json = json;
        // the request records are plain values: asking JPA whether each property is loaded costs a third of the
        // validation of every line (profiled), so the import's validator treats every property as reachable
        this.validator = validators.usingContext().traversableResolver(new EverythingReachable()).getValidator();
        this.units = units;
        this.customers = customers;
        this.opportunities = opportunities;
        this.properties = properties;
    }

    ImportResult run(ImportedRecords records, Iterator<SourceRow> rows) {
        var started = System.nanoTime();
        var result = switch (records) {
            case UNITS -> run(records, rows, "code", UNIT_CODE, "a unit code", UnitRequest.class,
                    (batch, lane) -> units.write(batch));
            case CUSTOMERS -> run(records, rows, "externalId", EXTERNAL_ID, ID, CustomerRequest.class,
                    customers::write);
            case OPPORTUNITIES -> run(records, rows, "externalId", EXTERNAL_ID, ID, OpportunityRequest.class,
                    opportunities::write);
        };
        log.info("Imported {}: {} received, {} created, {} updated, {} unchanged, {} stale, {} rejected in {} ms",
                records.name().toLowerCase(), result.received(), result.created(), result.updated(),
                result.unchanged(), result.stale(), result.rejected(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private <T> ImportResult run(ImportedRecords records, Iterator<SourceRow> rows, String keyField,
            Pattern keyPattern, String keyRule, Class<T> type, BatchWriter<T> writer) {
        var report = new ImportReport();
        Runnable publish = () -> report.publish((outcome, n) -> metrics.importedRows(records.name(), outcome, n));
        var lanes = new ArrayList<BatchPipeline<T>>(properties.lanes());
        try {
            for (int i = 0; i < properties.lanes(); i++) {
                int lane = i;
                lanes.add(new BatchPipeline<>("import-writer-" + lane, batch -> writer.write(batch, lane),
                        properties.batchSize(), report, publish));
            }
            while (rows.hasNext()) {
                var row = rows.next();
                report.received();
                var key = row.fields() == null ? null : text(row.fields(), keyField);
                var problem = row.problem() != null ? row.problem()
                        : key == null ? keyField + " is required"
                        : !keyPattern.matcher(key).matches() ? keyField + " must be " + keyRule
                        : null;
                var mapped = problem == null ? request(Objects.requireNonNull(row.fields()), keyField, type) : null;
                if (problem != null || mapped.problem() != null) {
                    report.rejected(row.line(), key, problem != null ? problem : mapped.problem());
                    continue;
                }
                // a key's lines always take the same lane, so they are written in file order
                lanes.get(Math.floorMod(key.hashCode(), lanes.size()))
                        .add(new BatchRow<>(row.line(), key, Objects.requireNonNull(mapped.request())));
            }
            lanes.forEach(BatchPipeline::finish);
        }
        finally {
            lanes.forEach(BatchPipeline::close);
            publish.run(); // lines rejected after the last batch, or a file without valid lines
        }
        return report.result();
    }

    /** The line's fields as the record's request, validated like a PUT body; or why not. */
    private <T> Mapped<T> request(ObjectNode fields, String keyField, Class<T> type) {
        fields.remove(keyField); // the row's fields are not read again: no copy
        T request;
        try {
            request = json.treeToValue(fields, type);
        }
        catch (JacksonException ex) {
            return new Mapped<>(null, invalidValue(ex));
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new Mapped<>(null, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        return new Mapped<>(request, null);
    }

    private static String text(ObjectNode fields, String field) {
        var node = fields.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String invalidValue(JacksonException ex) {
        var field = ex.getPath().stream().map(ref -> ref.getPropertyName() == null ? "[" + ref.getIndex() + "]"
                : ref.getPropertyName()).collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return "the line's fields cannot be read";
        }
        var value = ex instanceof InvalidFormatException format ? " '" + format.getValue() + "'" : "";
        var target = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        var expected = target == LocalDate.class ? "; expected a date YYYY-MM-DD"
                : target == Instant.class ? "; expected an ISO-8601 instant with offset, e.g. 2025-01-20T10:00:00Z"
                : target != null && target.isEnum() ? "; expected one of OPEN, WON, LOST"
                : "";
        return "%s: invalid value%s%s".formatted(field, value, expected);
    }

    /** Every property of a request record is reachable and cascadable: no JPA entity is ever validated here. */
    private static final class EverythingReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object object, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object object, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    }

    /** A record feature's batch writer: one batch in one transaction, holding lane {@code lane}'s import lock. */
    @FunctionalInterface
    interface BatchWriter<T> {
        List<RowOutcome> write(List<BatchRow<T>> batch, int lane);
    }

    /** A line mapped into a request, or the problem that rejects it. */
    private record Mapped<T>(@Nullable T request, @Nullable String problem) {
    }
}
