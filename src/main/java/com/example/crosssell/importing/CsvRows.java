package com.example.crosssell.importing;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Streams RFC 4180 CSV (strict UTF-8) whose header row names the fields; an empty field is absent. A row whose field
 * count differs from the header's is rejected alone; a broken quote ends the file (it cannot be resynchronised).
 * A row's {@code line} is its record number, the header being 1: the physical line unless a quoted field above it
 * spans lines.
 */
class CsvRows implements Iterator<SourceRow> {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private final JsonMapper json;

    private @Nullable MappingIterator<String[]> rows;

    private @Nullable String[] header;

    private final Reader reader;

    private @Nullable SourceRow next;

    private boolean done;

    /** The current record's number; the header is record 1. */
    private long record = 1;

    CsvRows(InputStream in, JsonMapper json) {
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
                rows = CSV.readerFor(String[].class).readValues(reader);
                if (!rows.hasNextValue()) {
                    done = true;
                    return SourceRow.broken(1, "the file is empty; a header row naming the fields is required");
                }
                header = rows.nextValue();
                if (header.length > 0 && header[0].startsWith("\uFEFF")) {
                    header[0] = header[0].substring(1); // a byte order mark, as spreadsheet exports write it
                }
            }
            if (!rows.hasNextValue()) {
                done = true;
                return null;
            }
            line = ++record;
            var values = rows.nextValue();
            return row(line, values);
        }
        catch (JacksonException ex) {
            done = true;
            return SourceRow.broken(line, ex.getCause() instanceof CharacterCodingException
                    ? "not valid UTF-8; the rest of the file was not read"
                    : "malformed CSV (unbalanced quote?); the rest of the file was not read");
        }
    }

    private SourceRow row(long line, String[] values) {
        var names = List.of(header);
        if (values.length != names.size()) {
            return SourceRow.unreadable(line, "has %d field(s), the header has %d".formatted(values.length,
                    names.size()));
        }
        var fields = json.createObjectNode();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                fields.put(names.get(i).trim(), values[i]);
            }
        }
        return SourceRow.of(line, fields);
    }
}
