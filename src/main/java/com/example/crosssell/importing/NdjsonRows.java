package com.example.crosssell.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams NDJSON: one JSON object per line, each line decoded as strict UTF-8 on its own, so a bad byte or a bad
 * line spoils only that line. Blank lines are skipped. A line longer than {@code maxLine} bytes is rejected alone
 * (the rest of it is skipped up to the next line break), so memory stays at one 64 KiB buffer plus at most
 * {@code maxLine} bytes whatever the upload.
 */
class NdjsonRows implements Iterator<SourceRow> {

    private final InputStream in;

    private final JsonMapper json;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] buffer = new byte[1 << 16];

    private int position;

    private int limit;

    private byte[] pending = new byte[1 << 10];

    private final int maxLine;

    /** The line just read was longer than {@link #maxLine}; only its first bytes are in {@link #pending}. */
    private boolean tooLong;

    private long line;

    private @Nullable SourceRow next;

    private boolean done;

    NdjsonRows(InputStream in, JsonMapper json, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
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
            while (true) {
                int length = readLine();
                if (length < 0) {
                    done = true;
                    return null;
                }
                line++;
                if (tooLong || length > maxLine) {
                    return SourceRow.unreadable(line, "longer than %d bytes (crosssell.importing.max-line-size); "
                            .formatted(maxLine) + "skipped up to the next line break");
                }
                String text;
                try {
                    text = utf8.decode(ByteBuffer.wrap(pending, 0, length)).toString();
                }
                catch (CharacterCodingException ex) {
                    return SourceRow.unreadable(line, "not valid UTF-8");
                }
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1); // a byte order mark
                }
                if (!text.isBlank()) {
                    return parse(text);
                }
            }
        }
        catch (IOException ex) {
            done = true;
            return SourceRow.broken(line + 1, "the upload broke off; the rest of the file was not read");
        }
    }

    /** Reads the next line (without its line break) into {@link #pending}; its length, or -1 at the end. */
    private int readLine() throws IOException {
        int length = 0;
        boolean any = false;
        tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? stripCarriageReturn(length) : -1;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > maxLine + 1) { // + 1: room for a '\r' before the line break
                tooLong = true;
                chunk = maxLine + 1 - length; // keep what fits; the rest of the line is skipped
            }
            if (length + chunk > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(Math.min(pending.length * 2, maxLine + 1), length + chunk));
            }
            System.arraycopy(buffer, start, pending, length, chunk);
            length += chunk;
            if (position < limit) {
                position++; // the '\n'
                return stripCarriageReturn(length);
            }
        }
    }

    private int stripCarriageReturn(int length) {
        return length > 0 && pending[length - 1] == '\r' ? length - 1 : length;
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
