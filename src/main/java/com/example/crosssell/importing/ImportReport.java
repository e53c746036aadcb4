package com.example.crosssell.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

import com.example.crosssell.RowOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Counts an import's outcomes as batches come back (from the writer thread, while the reader adds rejected lines);
 * keeps only the {@value #MAX_ERRORS} errors of the lowest line numbers.
 */
class ImportReport {

    static final int MAX_ERRORS = 100;

    private long received;

    private long created;

    private long updated;

    private long unchanged;

    private long stale;

    private long rejected;

    /** The counts of the last {@link #publish}, in the order of {@link Counted}. */
    private long[] published = new long[Counted.values().length];

    /** The errors of the lowest line numbers so far, the highest on top (lines are not reported in order). */
    private final PriorityQueue<ImportResult.LineError> errors = new PriorityQueue<>(
            Comparator.comparingLong(ImportResult.LineError::line).reversed());

    synchronized void received() {
        received++;
    }

    synchronized void rejected(long line, @Nullable String key, String message) {
        rejected++;
        errors.add(new ImportResult.LineError(line, key, message));
        if (errors.size() > MAX_ERRORS) {
            errors.poll();
        }
    }

    synchronized void add(RowOutcome outcome) {
        if (outcome.outcome() == null) {
            rejected(outcome.line(), outcome.key(), outcome.problem() == null ? "rejected" : outcome.problem());
            return;
        }
        switch (outcome.outcome()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case STALE -> stale++;
        }
    }

    /**
     * Hands the counts added since the last call to {@code counter}, one call per outcome that grew (so metrics are
     * incremented once per batch, not per line).
     */
    synchronized void publish(BiConsumer<Counted, Long> counter) {
        long[] now = {created, updated, unchanged, stale, rejected};
        for (var outcome : Counted.values()) {
            long grown = now[outcome.ordinal()] - published[outcome.ordinal()];
            if (grown > 0) {
                counter.accept(outcome, grown);
            }
        }
        published = now;
    }

    synchronized ImportResult result() {
        var first = new ArrayList<>(errors);
        first.sort(Comparator.comparingLong(ImportResult.LineError::line));
        return new ImportResult(received, created, updated, unchanged, stale, rejected, List.copyOf(first));
    }

    /** The outcomes an import counts (the tag values of the import metrics). */
    enum Counted {
        CREATED, UPDATED, UNCHANGED, STALE, REJECTED
    }
}
