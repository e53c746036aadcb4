package com.example.crosssell.importing;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Streams RFC 4180 CSV (strict UTF-8) whose header row names the fields; an empty field is absent. A row whose field
 * count differs from the header's is rejected alone; a blank line is skipped; a broken quote ends the file (it
 * cannot be resynchronised), as does a field longer than {@code maxField} characters, so memory stays bounded. A
 * header naming a column twice refuses the whole import (400).
 * A row's {@code line} is its record number, the header being 1: the physical line unless a quoted field above it
 * spans lines.
 */
class CsvRows implements Iterator<SourceRow> {

    private final CsvMapper csv;

    private final JsonMapper json;

    private @Nullable MappingIterator<String[]> rows;

    private @Nullable String[] header;

    private final Reader reader;

    private @Nullable SourceRow next;

    private boolean done;

    /** The current record's number; the header is record 1. */
    private long record = 1;

    private final int maxField;

    CsvRows(InputStream in, JsonMapper json, int maxField) {
        this.maxField = maxField;
        this.csv = CsvMapper.builder(CsvFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(maxField).build()).build()).enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.json = json;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = read();
        }
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        var row = next;
        next = null;
        return row;
    }

    private @Nullable SourceRow read() {
        long line = record + 1;
        try {
            if (rows == null) {
                rows = csv.readerFor(String[].class).readValues(reader);
                if (!rows.hasNextValue()) {
                    done = true;
                    return SourceRow.broken(1, "the file is empty; a header row naming the fields is required");
                }
                header = rows.nextValue();
                if (header.length > 0 && header[0].startsWith("\uFEFF")) {
                    header[0] = header[0].substring(1); // a byte order mark, as spreadsheet exports write it
                }
                refuseRepeatedColumns(header);
                for (int i = 0; i < header.length; i++) {
                    header[i] = header[i].trim(); // once, not for every row
                }
            }
            while (true) {
                if (!rows.hasNextValue()) {
                    done = true;
                    return null;
                }
                line = ++record;
                var values = rows.nextValue();
                if (values.length > 1 || values.length == 1 && !values[0].isBlank()) {
                    return row(line, values);
                }
                // a blank line, skipped as in NDJSON
            }
        }
        catch (StreamConstraintsException ex) {
            done = true;
            return SourceRow.broken(line, "a field is longer than %d characters (crosssell.importing.max-line-size)"
                    .formatted(maxField) + ", or a quote is not closed; the rest of the file was not read");
        }
        catch (JacksonException ex) {
            done = true;
            return SourceRow.broken(line, ex.getCause() instanceof CharacterCodingException
                    ? "not valid UTF-8; the rest of the file was not read"
                    : "malformed CSV (unbalanced quote?); the rest of the file was not read");
        }
    }

    /** A column named twice would silently lose one of its values: the import is refused before any line is read. */
    private static void refuseRepeatedColumns(String[] names) {
        Set<String> seen = new HashSet<>();
        for (var name : names) {
            if (!seen.add(name.trim())) {
                var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The CSV header names the column '%s' more than once; nothing was imported.".formatted(
                                name.trim()));
                problem.setTitle("Repeated CSV column");
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
            }
        }
    }

    private SourceRow row(long line, String[] values) {
        var names = Objects.requireNonNull(header);
        if (values.length != names.length) {
            return SourceRow.unreadable(line, "has %d field(s), the header has %d".formatted(values.length,
                    names.length));
        }
        var fields = json.createObjectNode();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                fields.put(names[i], values[i]);
            }
        }
        return SourceRow.of(line, fields);
    }
}
