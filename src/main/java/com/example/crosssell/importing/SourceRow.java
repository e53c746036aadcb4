package com.example.crosssell.importing;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of an import file: its fields by name, or why it could not be read. {@code fatal} means the stream
 * itself broke (bad UTF-8, unbalanced CSV quote) and nothing after this line is read.
 */
record SourceRow(long line, @Nullable ObjectNode fields, @Nullable String problem, boolean fatal) {

    static SourceRow of(long line, ObjectNode fields) {
        return new SourceRow(line, fields, null, false);
    }

    static SourceRow unreadable(long line, String problem) {
        return new SourceRow(line, null, problem, false);
    }

    static SourceRow broken(long line, String problem) {
        return new SourceRow(line, null, problem, true);
    }
}
