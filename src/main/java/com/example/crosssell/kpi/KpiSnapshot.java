package com.example.crosssell.kpi;

import java.util.Objects;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a KPI answer reads the database, on the KPI read pool ({@link KpiReadPool}, docs/kpi-queries.md, "KPI reads:
 * their own pool, one snapshot where needed"), whose connections already read in repeatable-read, read-only
 * transactions with generic plans.
 *
 * <ul>
 * <li>An answer of one counting statement without details (a single KPI with its compared period, a series, by-unit,
 * by-owner) runs without a transaction: its statements (the unit check and the count) each read the committed data
 * as of their start, which is all such an answer needs; no {@code BEGIN} and {@code COMMIT} round trips.
 * <li>An answer whose statements must agree (with details: counts, {@code asOf} and {@code sourceUpdatedAt}; the
 * matrix: its cells and customer bases) reads one snapshot: one read-only, repeatable-read transaction.
 * <li>The explain endpoints read one snapshot with a plan made for each call's parameters (they page through the
 * records of any filter): one statement sets that for the transaction.
 * </ul>
 */
@Component
class KpiSnapshot {

    private static final String PLANS_PER_CALL = "set local plan_cache_mode = auto";

    private final TransactionTemplate transaction;

    private final JdbcClient jdbc;

    KpiSnapshot(@KpiReads DataSource kpiDataSource, @KpiReads JdbcClient jdbc) {
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(kpiDataSource));
        this.transaction.setReadOnly(true);
        this.jdbc = jdbc;
    }

    /** The answer, in one snapshot when {@code oneSnapshot}, else statement by statement; generic plans. */
    <T> T read(boolean oneSnapshot, Supplier<T> answer) {
        return oneSnapshot ? Objects.requireNonNull(transaction.execute(status -> answer.get())) : answer.get();
    }

    /** The answer in one snapshot, each statement planned for its parameters. */
    <T> T readPlanningEachCall(Supplier<T> answer) {
        return Objects.requireNonNull(transaction.execute(status -> {
            jdbc.sql(PLANS_PER_CALL).update();
            return answer.get();
        }));
    }

    /** {@link #readPlanningEachCall(Supplier)} for a read that writes what it reads as it goes (a streamed answer). */
    void readPlanningEachCall(Runnable read) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql(PLANS_PER_CALL).update();
            read.run();
        });
    }
}
