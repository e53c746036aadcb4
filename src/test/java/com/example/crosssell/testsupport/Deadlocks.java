package com.example.crosssell.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Provokes, in a test, a real deadlock between a write of the service and a concurrent transaction. */
public final class Deadlocks {

    private Deadlocks() {
    }

    /**
     * Runs {@code write}, which must lock the customer {@code customer} (FOR SHARE, as every opportunity write does
     * first) and then the opportunity {@code opportunity}, against a transaction that locks that opportunity FOR
     * UPDATE and, once the write waits for it, the customer: a deadlock whose victim is the write, the first of the
     * two to wait. Returns what {@code write} returned, after the other transaction committed.
     */
    public static <T> T againstOpportunityThenCustomer(TransactionTemplate transaction, JdbcClient jdbc,
            String opportunity, String customer, Callable<T> write) throws Exception {
        var opportunityLocked = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(2);
        try {
            var other = threads.submit(() -> transaction.execute(status -> {
                jdbc.sql("select 1 from opportunity where external_id = :key for update").param("key", opportunity)
                        .query(Integer.class).single();
                opportunityLocked.countDown();
                AwaitedLocks.waitUntilOneIsAwaited(jdbc, "transactionid", "the write never waited for the opportunity");
                return jdbc.sql("select 1 from customer where external_id = :key for update").param("key", customer)
                        .query(Integer.class).single();
            }));
            assertThat(opportunityLocked.await(10, TimeUnit.SECONDS)).isTrue();
            var written = threads.submit(write);
            assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            return written.get(30, TimeUnit.SECONDS);
        }
        finally {
            threads.shutdownNow();
        }
    }
}
