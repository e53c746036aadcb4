package com.example.crosssell;

import org.jspecify.annotations.Nullable;

/** What a batch writer did with one line: an outcome, or (outcome {@code null}) the problem that rejected it. */
public record RowOutcome(long line, String key, @Nullable WriteOutcome outcome, @Nullable String problem) {

    public static RowOutcome rejected(long line, String key, String problem) {
        return new RowOutcome(line, key, null, problem);
    }
}
