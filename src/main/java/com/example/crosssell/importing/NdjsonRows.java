package com.example.crosssell.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Streams NDJSON (one JSON object per line, strict UTF-8); blank lines are skipped, one bad line spoils only itself. */
class NdjsonRows implements Iterator<SourceRow> {

    private final BufferedReader reader;

    private final JsonMapper json;

    private long line;

    private @Nullable SourceRow next;

    private boolean done;

    NdjsonRows(InputStream in, JsonMapper json) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
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
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                done = true;
                return null;
            }
            return parse(text);
        }
        catch (CharacterCodingException ex) {
            done = true;
            return SourceRow.broken(line, "not valid UTF-8; the rest of the file was not read");
        }
        catch (IOException ex) {
            done = true;
            return SourceRow.broken(line, "the upload broke off; the rest of the file was not read");
        }
    }

    private SourceRow parse(String text) {
        try {
            var node = json.readTree(text);
            if (node instanceof ObjectNode object) {
                return SourceRow.of(line, object);
            }
            return SourceRow.unreadable(line, "not a JSON object");
        }
        catch (JacksonException ex) {
            return SourceRow.unreadable(line, "not well-formed JSON");
        }
    }
}
