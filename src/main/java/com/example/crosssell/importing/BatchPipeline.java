package com.example.crosssell.importing;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.example.crosssell.BatchRow;
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

    private @Nullable Future<?> inFlight;

    BatchPipeline(Function<List<BatchRow<T>>, List<RowOutcome>> writer, ImportReport report) {
        this.writer = writer;
        this.report = report;
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
        try {
            writer.apply(batch).forEach(report::add);
        }
        catch (DataAccessException ex) { // e.g. a concurrent delete broke the merge: this batch is rolled back, whole
            log.warn("An import batch of {} lines failed and was rolled back", batch.size(), ex);
            batch.forEach(row -> report.rejected(row.line(), row.key(),
                    "the batch of this line could not be written (concurrent change?); import it again"));
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
