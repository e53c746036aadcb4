package com.example.crosssell.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts the read of one KPI answer inside the service's read-only transaction (docs/kpi-queries.md, "One snapshot,
 * reused plans"). Every statement of the answer then reads one snapshot (repeatable read), so its counts, data version
 * and context agree; and an answer over one period (and its compared period) runs each statement on the plan the
 * connection made for it the first time, instead of planning it again for every call (by-unit spent a fifth of its
 * time planning). A series keeps a plan made for its parameters: its bucket arrays are ten to a thousand long.
 *
 * <p>One statement instead of Spring's isolation handling, which costs three: it reads the connection's isolation
 * level, sets it, and sets it back after the commit. PostgreSQL takes {@code SET TRANSACTION} only before the first
 * query of the transaction, so this is the first call of every KPI read.
 */
@Component
class KpiSnapshot {

    private static final String SNAPSHOT = "set transaction isolation level repeatable read";

    private static final String SNAPSHOT_REUSING_PLANS = SNAPSHOT + "; set local plan_cache_mode = force_generic_plan";

    private final JdbcClient jdbc;

    KpiSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One snapshot for the rest of the transaction; with {@code reusePlans} also the connection's generic plans. */
    void begin(boolean reusePlans) {
        jdbc.sql(reusePlans ? SNAPSHOT_REUSING_PLANS : SNAPSHOT).update();
    }
}
