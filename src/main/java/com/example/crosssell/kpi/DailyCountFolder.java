package com.example.crosssell.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.example.crosssell.ImportBatchLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the changes the record triggers append to the delta tables of the counts into the count tables
 * ({@code kpi_day_count} with {@code kpi_month_count}, {@code kpi_customer_month} with {@code kpi_customer_year},
 * {@code kpi_pair_day} with {@code kpi_pair_month} and {@code kpi_pair_quarter}, {@code kpi_owner_month},
 * {@code kpi_slot_count}: V11, V12, V16–V20, V22; docs/kpi-queries.md, "Daily counts"), every
 * {@code crosssell.kpi.daily-count-fold-interval} (1 s). KPI answers never depend on it: they sum both tables in one
 * snapshot. It only keeps the delta tables short.
 * <p>
 * Several instances may run it: a transaction-scoped advisory lock lets one fold at a time (the others skip the
 * round), and the move is one statement (delete … returning, grouped, upserted), so a change is either still a
 * delta or already folded, never both, for every reader.
 * <p>
 * While bulk import batches are being written ({@link ImportBatchLock}, any instance) it postpones its rounds, for
 * at most {@code crosssell.kpi.fold-max-deferral} (1 min) since its last one: folding beside every batch slowed an
 * import by half, and one pass over a minute of changes costs less than sixty small ones (docs/benchmarks.md,
 * "Import"). The pending changes stay exact for every reader meanwhile; only the readers' share of them grows.
 */
@Component
class DailyCountFolder {

    private static final Logger log = LoggerFactory.getLogger(DailyCountFolder.class);

    /** Into the daily and the monthly counts in one statement: a change is pending or in both. */
    private static final String FOLD = """
            with moved as (
                delete from kpi_day_count_delta
                returning role, unit_id, day, opened, opened_won, closed, closed_won, cross_sold
            ),
            months as (
                insert into kpi_month_count (role, unit_id, month, opened, opened_won, closed, closed_won, cross_sold)
                select role, unit_id, date_trunc('month', day)::date, sum(opened), sum(opened_won), sum(closed),
                       sum(closed_won), sum(cross_sold)
                  from moved
                 group by 1, 2, 3
                 order by 1, 2, 3
                on conflict (role, unit_id, month) do update
                   set opened = kpi_month_count.opened + excluded.opened,
                       opened_won = kpi_month_count.opened_won + excluded.opened_won,
                       closed = kpi_month_count.closed + excluded.closed,
                       closed_won = kpi_month_count.closed_won + excluded.closed_won,
                       cross_sold = kpi_month_count.cross_sold + excluded.cross_sold
            )
            insert into kpi_day_count (role, unit_id, day, opened, opened_won, closed, closed_won, cross_sold)
            select role, unit_id, day, sum(opened), sum(opened_won), sum(closed), sum(closed_won), sum(cross_sold)
              from moved
             group by role, unit_id, day
             order by role, unit_id, day
            on conflict (role, unit_id, day) do update
               set opened = kpi_day_count.opened + excluded.opened,
                   opened_won = kpi_day_count.opened_won + excluded.opened_won,
                   closed = kpi_day_count.closed + excluded.closed,
                   closed_won = kpi_day_count.closed_won + excluded.closed_won,
                   cross_sold = kpi_day_count.cross_sold + excluded.cross_sold
            """;

    /** Into the monthly and the yearly customer counts in one statement: a change is pending or in both. */
    private static final String FOLD_CUSTOMERS = """
            with moved as (
                delete from kpi_customer_month_delta
                returning unit_id, month, customers
            ),
            years as (
                insert into kpi_customer_year (unit_id, year, customers)
                select unit_id, cast(date_trunc('year', month) as date), sum(customers)
                  from moved
                 group by 1, 2
                 order by 1, 2
                on conflict (unit_id, year) do update set customers = kpi_customer_year.customers + excluded.customers
            )
            insert into kpi_customer_month (unit_id, month, customers)
            select unit_id, month, sum(customers)
              from moved
             group by unit_id, month
             order by unit_id, month
            on conflict (unit_id, month) do update set customers = kpi_customer_month.customers + excluded.customers
            """;

    /** Into the daily, monthly and quarterly pair counts in one statement: a change is pending or in all three. */
    private static final String FOLD_PAIRS = """
            with moved as (
                delete from kpi_pair_day_delta
                returning home_unit_id, product_unit_id, day, cross_sold
            ),
            quarters as (
                insert into kpi_pair_quarter (home_unit_id, product_unit_id, quarter, cross_sold)
                select home_unit_id, product_unit_id, date_trunc('quarter', day)::date, sum(cross_sold)
                  from moved
                 group by 3, 1, 2
                 order by 3, 1, 2
                on conflict (quarter, home_unit_id, product_unit_id)
                   do update set cross_sold = kpi_pair_quarter.cross_sold + excluded.cross_sold
            ),
            months as (
                insert into kpi_pair_month (home_unit_id, product_unit_id, month, cross_sold)
                select home_unit_id, product_unit_id, date_trunc('month', day)::date, sum(cross_sold)
                  from moved
                 group by 3, 1, 2
                 order by 3, 1, 2
                on conflict (month, home_unit_id, product_unit_id)
                   do update set cross_sold = kpi_pair_month.cross_sold + excluded.cross_sold
            )
            insert into kpi_pair_day (home_unit_id, product_unit_id, day, cross_sold)
            select home_unit_id, product_unit_id, day, sum(cross_sold)
              from moved
             group by day, home_unit_id, product_unit_id
             order by day, home_unit_id, product_unit_id
            on conflict (day, home_unit_id, product_unit_id)
               do update set cross_sold = kpi_pair_day.cross_sold + excluded.cross_sold
            """;

    private static final String FOLD_OWNERS = """
            with moved as (
                delete from kpi_owner_month_delta
                returning owner, month, opened, opened_won, closed, closed_won
            )
            insert into kpi_owner_month (owner, month, opened, opened_won, closed, closed_won)
            select owner, month, sum(opened), sum(opened_won), sum(closed), sum(closed_won)
              from moved
             group by month, owner
             order by month, owner
            on conflict (month, owner) do update
               set opened = kpi_owner_month.opened + excluded.opened,
                   opened_won = kpi_owner_month.opened_won + excluded.opened_won,
                   closed = kpi_owner_month.closed + excluded.closed,
                   closed_won = kpi_owner_month.closed_won + excluded.closed_won
            """;

    private static final String FOLD_SLOTS = """
            with moved as (
                delete from kpi_slot_count_delta
                returning day, slot, opened, opened_won, closed, closed_won, cross_sold
            )
            insert into kpi_slot_count (day, slot, opened, opened_won, closed, closed_won, cross_sold)
            select day, slot, sum(opened), sum(opened_won), sum(closed), sum(closed_won), sum(cross_sold)
              from moved
             group by day, slot
             order by day, slot
            on conflict (day, slot) do update
               set opened = kpi_slot_count.opened + excluded.opened,
                   opened_won = kpi_slot_count.opened_won + excluded.opened_won,
                   closed = kpi_slot_count.closed + excluded.closed,
                   closed_won = kpi_slot_count.closed_won + excluded.closed_won,
                   cross_sold = kpi_slot_count.cross_sold + excluded.cross_sold
            """;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final ImportBatchLock importBatch;

    private final Clock clock;

    private final Duration maxDeferral;

    private volatile Instant lastRound;

    DailyCountFolder(JdbcClient jdbc, TransactionTemplate transaction, ImportBatchLock importBatch, Clock clock,
            @Value("${crosssell.kpi.fold-max-deferral:PT1M}") Duration maxDeferral) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.importBatch = importBatch;
        this.clock = clock;
        this.maxDeferral = maxDeferral;
        this.lastRound = clock.instant();
    }

    /** A round of {@link #fold()}, unless import batches are running and the last round is recent enough. */
    @Scheduled(fixedDelayString = "${crosssell.kpi.daily-count-fold-interval:PT1S}")
    void foldUnlessImporting() {
        if (clock.instant().isBefore(lastRound.plus(maxDeferral)) && importBatch.batchInFlight()) {
            log.trace("Import batches in flight: count folding postponed");
            return;
        }
        fold();
    }

    /**
     * Folds every change committed so far, in one transaction: one statement per table moves them all (a bulk
     * import's millions of changes are one grouped pass, not a pass per slice; changes committed meanwhile wait for
     * the next round). Does nothing while another instance folds.
     */
    void fold() {
        Integer written = transaction.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('kpi_day_count_delta'))")
                    .query(Boolean.class).single();
            return mine ? jdbc.sql(FOLD).update() + jdbc.sql(FOLD_CUSTOMERS).update() + jdbc.sql(FOLD_PAIRS).update()
                    + jdbc.sql(FOLD_OWNERS).update() + jdbc.sql(FOLD_SLOTS).update() : 0;
        });
        lastRound = clock.instant();
        if (written != null && written > 0) {
            log.debug("Folded count changes into {} count row(s)", written);
        }
    }
}
