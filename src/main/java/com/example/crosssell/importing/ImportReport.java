package com.example.crosssell.importing;

import java.util.ArrayList;
import java.util.List;

import com.example.crosssell.RowOutcome;
import org.jspecify.annotations.Nullable;

/** Counts an import's outcomes as batches come back; keeps only the first {@value #MAX_ERRORS} errors. */
class ImportReport {

    static final int MAX_ERRORS = 100;

    private long received;

    private long created;

    private long updated;

    private long unchanged;

    private long stale;

    private long rejected;

    private final List<ImportResult.LineError> errors = new ArrayList<>();

    void received() {
        received++;
    }

    void rejected(long line, @Nullable String key, String message) {
        rejected++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportResult.LineError(line, key, message));
        }
    }

    void add(RowOutcome outcome) {
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

    ImportResult result() {
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportResult(received, created, updated, unchanged, stale, rejected, List.copyOf(errors));
    }
}
