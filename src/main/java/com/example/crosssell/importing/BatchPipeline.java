package com.example.crosssell.importing;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.example.crosssell.BatchRow;
import com.example.crosssell.DataErrors;
import com.example.crosssell.RowOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Writes an import's batches on one background thread while the request thread reads the next one, so parsing and
 * PostgreSQL overlap. At most one batch is in flight and batches are written strictly in file order (each waits for
 * the previous one), so memory stays at two batches and outcomes are those of a sequential import.
 */
class BatchPipeline<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);

    private final ExecutorService writerThread = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "import-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final Function<List<BatchRow<T>>, List<RowOutcome>> writer;

    private final ImportReport report;

    private final Runnable afterBatch;

    private @Nullable Future<?> inFlight;

    /** {@code afterBatch} runs on the writer thread once each batch's outcomes are in the report. */
    BatchPipeline(Function<List<BatchRow<T>>, List<RowOutcome>> writer, ImportReport report, Runnable afterBatch) {
        this.writer = writer;
        this.report = report;
        this.afterBatch = afterBatch;
    }

    /** Hands a batch over (the caller must not touch it afterwards), after the previous one is written. */
    void submit(List<BatchRow<T>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        awaitInFlight();
        inFlight = writerThread.submit(() -> write(batch));
    }

    /** Waits until every submitted batch is written. */
    void finish() {
        awaitInFlight();
    }

    @Override
    public void close() {
        writerThread.shutdownNow();
    }

    private void write(List<BatchRow<T>> batch) {
        writeSplitting(batch);
        afterBatch.run();
    }

    /**
     * Writes the batch; when the database refuses a value of one of its lines (SQLState class 22 or 23: it would
     * fail again), writes both halves on their own, down to the single lines it refuses, so every other line is
     * committed (issue 5 §8). Each call is its own transaction, so a refused half leaves nothing behind.
     */
    private void writeSplitting(List<BatchRow<T>> batch) {
        try {
            writer.apply(batch).forEach(report::add);
        }
        catch (DataAccessException ex) {
            if (DataErrors.isDataError(ex, false)) {
                if (batch.size() > 1) {
                    log.debug("An import batch of {} lines was refused ({}); writing its halves",
                            batch.size(), DataErrors.sqlState(ex));
                    writeSplitting(batch.subList(0, batch.size() / 2));
                    writeSplitting(batch.subList(batch.size() / 2, batch.size()));
                    return;
                }
                var row = batch.get(0);
                report.rejected(row.line(), row.key(), "the database refused this line: " + DataErrors.describe(ex));
                return;
            }
            // a concurrent transaction (deadlock, serialization) or the database itself failed: rolled back, whole
            log.warn("An import batch of {} lines failed and was rolled back", batch.size(), ex);
            var message = DataErrors.isTransient(ex)
                    ? "the batch of this line could not be written (concurrent change); import it again"
                    : "the batch of this line could not be written (database unavailable?); import it again";
            batch.forEach(row -> report.rejected(row.line(), row.key(), message));
        }
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", ex);
        }
        catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("An import batch failed", ex.getCause());
        }
        finally {
            inFlight = null;
        }
    }
}
