package com.example.crosssell.testsupport;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits, in a concurrency test, until some session waits for a lock of a kind (pg_locks). */
public final class AwaitedLocks {

    private AwaitedLocks() {
    }

    /**
     * Returns once a lock of {@code locktype} ('advisory', 'transactionid' for a row held by another transaction, …)
     * is awaited; fails with {@code failure} after 10 seconds.
     */
    public static void waitUntilOneIsAwaited(JdbcClient jdbc, String locktype, String failure) {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("select exists (select 1 from pg_locks where locktype = :locktype and not granted)")
                    .param("locktype", locktype).query(Boolean.class).single()) {
                return;
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError(failure);
    }
}
