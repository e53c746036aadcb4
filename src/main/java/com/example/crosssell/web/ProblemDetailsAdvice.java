package com.example.crosssell.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.crosssell.DataErrors;
import com.example.crosssell.MissingReferenceException;
import com.example.crosssell.RecordDeletedException;
import com.example.crosssell.RecordInUseException;
import com.example.crosssell.RecordNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import org.springframework.beans.TypeMismatchException;

/**
 * Every error leaves as an RFC 9457 problem whose {@code detail} names the culprit; Spring MVC's own exceptions
 * (415, 405, 404 of unknown paths, …) come through the base class. Never a class name, SQL or stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** How long a client waits before sending a request again that collided with a concurrent transaction. */
    private static final Duration RETRY_AFTER_COLLISION = Duration.ofSeconds(1);

    /** One invalid field or parameter and why. */
    record InvalidField(String field, @Nullable String message) {
    }

    @ExceptionHandler
    ProblemDetail recordNotFound(RecordNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Record not found", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail missingReference(MissingReferenceException ex) {
        var problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Missing reference", ex.getMessage());
        problem.setProperty("field", ex.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail recordInUse(RecordInUseException ex) {
        return problem(HttpStatus.CONFLICT, "Record in use", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail recordDeleted(RecordDeletedException ex) {
        return problem(HttpStatus.CONFLICT, "Record deleted by the CRM", ex.getMessage());
    }

    /**
     * What the database refused although validation let it through: races the services' own checks could not see
     * (translated by constraint name, V1__create_records.sql) and values PostgreSQL cannot store or compare (SQLState
     * class 22). Only a unique-key race is a "concurrent write"; nothing here names a constraint or echoes SQL.
     */
    @ExceptionHandler
    ProblemDetail databaseRefused(DataIntegrityViolationException ex) {
        var constraint = constraintName(ex);
        var sqlState = sqlState(ex);
        log.debug("Database refused the request: constraint {}, SQLState {}", constraint, sqlState);
        if (constraint != null && constraint.startsWith("fk_")) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Missing reference",
                    "A record this write refers to was deleted meanwhile; check and retry.");
        }
        if (constraint != null && CHECKED_FIELDS.containsKey(constraint)) {
            var field = CHECKED_FIELDS.get(constraint);
            return invalid(List.of(new InvalidField(field, "is not valid for this record (SPEC §2)")));
        }
        if (sqlState != null && sqlState.startsWith("22")) {
            return problem(HttpStatus.BAD_REQUEST, "Unstorable value", "A value of the request cannot be stored or "
                    + "compared by the database (a NUL character, invalid text or a date/number out of range).");
        }
        return problem(HttpStatus.CONFLICT, "Concurrent write",
                "The record was written concurrently by another request; retry.");
    }

    /**
     * A request that collided with a concurrent transaction (a deadlock whose victim it was, a serialization
     * failure, a lock or statement timeout): rolled back whole, so nothing of it is stored, and the same request may
     * succeed when sent again. 503 with {@code Retry-After}, as for any transient condition, so that clients retry.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> transientFailure(TransientDataAccessException ex) {
        return collided(ex);
    }

    /** A query string whose percent-encoding is not valid UTF-8 (Tomcat refuses to decode it). */
    @ExceptionHandler
    ProblemDetail undecodableParameters(InvalidParameterException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "The query string is not valid: percent-encoded bytes must form UTF-8 text.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse response) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .body(response.getBody());
        }
        if (DataErrors.isTransient(ex)) { // SQLState class 40 that reached here untranslated
            return collided(ex);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed because of an internal error."));
    }

    private static ResponseEntity<ProblemDetail> collided(Exception ex) {
        log.info("A request collided with a concurrent transaction (SQLState {}); answered 503",
                DataErrors.sqlState(ex));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_COLLISION.toSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Concurrent transaction",
                        "The request collided with a concurrent transaction and was rolled back: nothing of it was "
                                + "stored. Retry after %d second(s).".formatted(RETRY_AFTER_COLLISION.toSeconds())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getAllErrors().stream().map(ProblemDetailsAdvice::invalidField).toList();
        return handleExceptionInternal(ex, invalid(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> error instanceof FieldError
                        ? invalidField(error)
                        : new InvalidField(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name = ex.getParameterName();
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter", "Parameter '%s' is required.".formatted(name));
        problem.setProperty("errors", List.of(new InvalidField(name, "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        var detail = "Parameter '%s' has an invalid value '%s'%s.".formatted(name, ex.getValue(),
                expected(ex.getRequiredType()));
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter", detail);
        problem.setProperty("errors", List.of(new InvalidField(name, "invalid value" + expected(ex.getRequiredType()))));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, "Unreadable body", unreadable(ex)),
                headers, status, request);
    }

    private static String unreadable(HttpMessageNotReadableException ex) {
        var cause = outermostJacksonException(ex);
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            var field = path(mismatch);
            var value = mismatch instanceof InvalidFormatException format ? " '" + format.getValue() + "'" : "";
            return "Field '%s' has an invalid value%s%s.".formatted(field, value, expected(mismatch.getTargetType()));
        }
        if (cause instanceof StreamReadException read && read.getLocation() != null) {
            return "The body is not well-formed JSON (line %d, column %d).".formatted(
                    read.getLocation().getLineNr(), read.getLocation().getColumnNr());
        }
        if (cause instanceof JacksonException) {
            return "The body must be a JSON object with the fields of the record.";
        }
        return "The request body is missing or unreadable.";
    }

    private static @Nullable JacksonException outermostJacksonException(Throwable ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "; expected one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "; expected a date YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "; expected an ISO-8601 instant with offset, e.g. 2025-01-20T10:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "; expected a number";
        }
        return "";
    }

    private static InvalidField invalidField(MessageSourceResolvable error) {
        var field = error instanceof FieldError fieldError ? fieldError.getField() : "body";
        var message = error instanceof FieldError fieldError && fieldError.isBindingFailure()
                ? "invalid value '" + fieldError.getRejectedValue() + "'"
                : error.getDefaultMessage();
        return new InvalidField(field, message);
    }

    private static ProblemDetail invalid(List<InvalidField> errors) {
        var detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has %d invalid field(s): %s.".formatted(errors.size(), detail));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** Check constraints of V1 and the request field each one guards. */
    private static final Map<String, String> CHECKED_FIELDS = Map.of(
            "ck_business_unit_code", "code", "ck_business_unit_name", "name",
            "ck_customer_external_id", "externalId", "ck_opportunity_external_id", "externalId",
            "ck_opportunity_status", "status", "ck_opportunity_closed_at", "closedAt",
            "ck_opportunity_closed_after_opened", "closedAt", "ck_opportunity_amount", "amount");

    private static @Nullable String sqlState(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static @Nullable String constraintName(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return violation.getConstraintName();
            }
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }
}
