package com.example.crosssell.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.example.crosssell.RecordKeys;
import com.example.crosssell.customer.CustomerRequest;
import com.example.crosssell.opportunity.OpportunityRequest;
import com.example.crosssell.unit.UnitRequest;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an event body {@code {"type", "timestamp", "data"}} into a {@link CrmChange}: {@code data} maps into the
 * records' request types and is validated by the same Bean Validation rules as PUT.
 */
@Component
class CrmEventParser {

    /** The key formats, compiled once: {@code String.matches} would compile them on every event. */
    private static final Pattern UNIT_CODE = Pattern.compile(RecordKeys.UNIT_CODE);

    private static final Pattern EXTERNAL_ID = Pattern.compile(RecordKeys.EXTERNAL_ID);

    private final JsonMapper json;

    private final Validator validator;

    CrmEventParser(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The change, or {@link MalformedEventException} saying what is wrong. */
    CrmChange parse(String payload) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        }
        catch (JacksonException ex) {
            throw new MalformedEventException("The body is not well-formed JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("The body must be a JSON object {\"type\", \"timestamp\", \"data\"}.");
        }
        var typeNode = root.get("type");
        if (typeNode == null || !typeNode.isString() || typeNode.asString().isBlank()) {
            throw new MalformedEventException("Field 'type' is required and must be a string.");
        }
        var type = typeNode.asString();
        var kind = CrmChange.Kind.of(type);
        if (kind == null) {
            return CrmChange.unknown(type);
        }
        var data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("Field 'data' is required and must be an object.");
        }
        return switch (kind) {
            case UNIT_UPSERTED -> upsert(type, kind, (ObjectNode) data, "code", UNIT_CODE,
                    UnitRequest.class);
            case CUSTOMER_UPSERTED -> upsert(type, kind, (ObjectNode) data, "externalId", EXTERNAL_ID,
                    CustomerRequest.class);
            case OPPORTUNITY_UPSERTED -> upsert(type, kind, (ObjectNode) data, "externalId", EXTERNAL_ID,
                    OpportunityRequest.class);
            case CUSTOMER_DELETED, OPPORTUNITY_DELETED -> delete(type, kind, (ObjectNode) data);
        };
    }

    private CrmChange upsert(String type, CrmChange.Kind kind, ObjectNode data, String keyField, Pattern keyPattern,
            Class<?> requestType) {
        var key = key(data, keyField, keyPattern);
        data.remove(keyField); // the tree is this call's own: no copy needed
        Object request;
        try {
            request = json.treeToValue(data, requestType);
        }
        catch (JacksonException ex) {
            throw new MalformedEventException("Field 'data.%s' has an invalid value.".formatted(path(ex)));
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(violations.stream()
                    .map(v -> "data." + v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ", "Invalid data: ", ".")));
        }
        return new CrmChange(type, kind, key, request, null);
    }

    private CrmChange delete(String type, CrmChange.Kind kind, ObjectNode data) {
        var key = key(data, "externalId", EXTERNAL_ID);
        var updatedAt = data.get("updatedAt");
        if (updatedAt == null || updatedAt.isNull()) {
            return new CrmChange(type, kind, key, null, null);
        }
        try {
            return new CrmChange(type, kind, key, null, Instant.parse(updatedAt.asString()));
        }
        catch (DateTimeParseException ex) {
            throw new MalformedEventException(
                    "Field 'data.updatedAt' must be an ISO-8601 instant, e.g. 2025-01-20T10:00:00Z.");
        }
    }

    private static String key(ObjectNode data, String field, Pattern pattern) {
        var node = data.get(field);
        if (node == null || !node.isString() || !pattern.matcher(node.asString()).matches()) {
            throw new MalformedEventException("Field 'data.%s' is required and must match %s."
                    .formatted(field, pattern.pattern()));
        }
        return node.asString();
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining("."));
    }

    /** A verified event that cannot be applied as sent (400, recorded as REJECTED). */
    static class MalformedEventException extends RuntimeException {

        MalformedEventException(String message) {
            super(message);
        }
    }
}
