package com.example.crosssell.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.example.crosssell.testsupport.AwaitedLocks;
import com.example.crosssell.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table lock's slots (RecordTombstones): import batches of different lanes run side by side, a single-record
 * writer waits for a batch of any lane.
 */
@IntegrationTest
class ImportLaneLockIntegrationTests {

    @Autowired
    OpportunityTombstones tombstones;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void batchesOfOtherLanesRunBesideABatchAndASingleRecordWriterWaitsForIt() throws Exception {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> batchOfLane1 = threads.submit(() -> transaction.executeWithoutResult(status -> {
                tombstones.lockAll(1);
                held.countDown();
                await(release);
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            transaction.executeWithoutResult(status -> tombstones.lockAll(0)); // lane 0 does not wait for lane 1
            transaction.executeWithoutResult(status -> tombstones.lockAll(2));

            Future<?> singleWriter = threads.submit(() -> transaction.executeWithoutResult(
                    status -> tombstones.lock("O-LANES")));
            AwaitedLocks.waitUntilOneIsAwaited(jdbc, "advisory",
                    "the single-record writer never waited for the import batch's lock");
            assertThat(singleWriter).isNotDone();

            release.countDown();
            batchOfLane1.get(10, TimeUnit.SECONDS);
            singleWriter.get(10, TimeUnit.SECONDS); // granted once the batch has ended
        }
        finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
