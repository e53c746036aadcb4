package com.example.crosssell.importing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessException;

/**
 * One lane of an import ({@link RecordImporter}): collects the lines handed to it into batches and writes each batch
 * on the lane's own background thread while the request thread reads on, so parsing and PostgreSQL overlap. At most
 * one batch is in flight and batches are written strictly in file order (each waits for the previous one), so
 * memory stays at two batches and the outcomes are those of a sequential import of the lane's lines. A key repeated
 * within a batch closes it: the repetition goes to the next batch, in file order.
 */
class BatchPipeline<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);

    /**
     * A batch that collided with a concurrent transaction (a deadlock whose victim it was, a serialization failure:
     * SQLState class 40) was rolled back whole and is written again, up to three times, 0.1, 0.2 and 0.4 s later
     * (±50 ms), before its lines are reported rejected. Its transaction is the writer's, so each attempt is a new one.
     */
    private static final RetryTemplate COLLISIONS = new RetryTemplate(RetryPolicy.builder()
            .predicate(DataErrors::isTransient).maxRetries(3).delay(Duration.ofMillis(100)).multiplier(2)
            .jitter(Duration.ofMillis(50)).build());

    private final ExecutorService writerThread;

    private final Function<List<BatchRow<T>>, List<RowOutcome>> writer;

    private final int batchSize;

    private final ImportReport report;

    private final Runnable afterBatch;

    private List<BatchRow<T>> batch;

    private final Set<String> keys = new HashSet<>();

    private @Nullable Future<?> inFlight;

    /** {@code afterBatch} runs on the writer thread once each batch's outcomes are in the report. */
    BatchPipeline(String name, Function<List<BatchRow<T>>, List<RowOutcome>> writer, int batchSize,
            ImportReport report, Runnable afterBatch) {
        this.writerThread = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        this.writer = writer;
        this.batchSize = batchSize;
        this.report = report;
        this.afterBatch = afterBatch;
        this.batch = new ArrayList<>(batchSize);
    }

    /** Adds a line; hands the batch to the writer thread when it is full or already holds the line's key. */
    void add(BatchRow<T> row) {
        if (!keys.add(row.key()) || batch.size() == batchSize) {
            submit();
            keys.add(row.key());
        }
        batch.add(row);
    }

    /** Writes the last batch and waits until every batch is written. */
    void finish() {
        submit();
        awaitInFlight();
    }

    @Override
    public void close() {
        writerThread.shutdownNow();
    }

    /** Hands the current batch over, after the previous one is written, and starts a new one. */
    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        awaitInFlight();
        var full = batch;
        inFlight = writerThread.submit(() -> write(full));
        batch = new ArrayList<>(batchSize);
        keys.clear();
    }

    private void write(List<BatchRow<T>> batch) {
        writeSplitting(batch);
        afterBatch.run();
    }

    /**
     * Writes the batch, again when it collides with a concurrent transaction ({@link #COLLISIONS}); when the
     * database refuses a value of one of its lines (SQLState class 22 or 23: it would fail again), writes both halves
     * on their own, down to the single lines it refuses, so every other line is committed (issue 5 §8). Each call is
     * its own transaction, so a refused half leaves nothing behind.
     */
    private void writeSplitting(List<BatchRow<T>> batch) {
        try {
            COLLISIONS.invoke(() -> writer.apply(batch)).forEach(report::add);
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
            // concurrent transactions (deadlock, serialization) on every attempt, or the database itself failed
            log.warn("An import batch of {} lines failed and was rolled back", batch.size(), ex);
            var message = DataErrors.isTransient(ex)
                    ? "the batch of this line could not be written (concurrent changes, 4 attempts); import it again"
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
