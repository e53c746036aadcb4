package com.example.crosssell;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the count folder (kpi.DailyCountFolder) that bulk import batches are being written, on any instance: every
 * batch holds this transaction advisory lock shared until it commits, and the folder postpones its round while one
 * does (up to {@code crosssell.kpi.fold-max-deferral}). An import's count changes are then folded in a few large
 * passes, between and after its batches, rather than in a small pass beside every batch: the two compete for the
 * same CPUs and disk, and a large pass groups more changes per count row (docs/benchmarks.md, "Import").
 * Nothing waits on this lock and no answer depends on it; it only schedules work.
 */
@Component
public class ImportBatchLock {

    private static final String KEY = "hashtext('crosssell_import_batch')";

    private final JdbcClient jdbc;

    ImportBatchLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the current transaction as an import batch until it ends. */
    public void hold() {
        jdbc.sql("select pg_advisory_xact_lock_shared(" + KEY + ")").query((rs, row) -> 1).list();
    }

    /**
     * Whether an import batch is in flight now: the lock cannot be taken exclusively. When it can, it is given back
     * in the same statement, so no batch ever waits for this question and the pooled connection keeps no lock.
     */
    public boolean batchInFlight() {
        return jdbc.sql("select case when pg_try_advisory_lock(" + KEY + ") then not pg_advisory_unlock(" + KEY
                + ") else true end").query(Boolean.class).single();
    }
}
