package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.example.crosssell.ImportBatchLock;
import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The folder postpones its rounds while an import batch is in flight, for at most its maximum deferral. */
@IntegrationTest
class DailyCountFolderIntegrationTests {

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ImportBatchLock importBatch;

    private final SteppingClock clock = new SteppingClock();

    @BeforeEach
    void units() {
        data.truncateAll();
        data.unit("RET", "Retail Banking");
        data.unit("INS", "Insurance");
        data.customer("C1", "RET", "2020-01-01", "SMB");
    }

    @Test
    void postponesFoldingWhileAnImportBatchRunsForAtMostTheMaximumDeferral() throws Exception {
        var folder = new DailyCountFolder(jdbc, transaction, importBatch, clock, Duration.ofMinutes(1));
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var batch = Executors.newSingleThreadExecutor();
        try {
            var inFlight = batch.submit(() -> transaction.executeWithoutResult(status -> {
                importBatch.hold();
                held.countDown();
                await(release);
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(importBatch.batchInFlight()).isTrue();

            data.opportunity("O1", "C1", "INS", "WON", "2025-01-10T10:00:00Z", "2025-02-10T10:00:00Z");
            var pending = pendingDayChanges();
            assertThat(pending).as("the write's count changes").isPositive();

            folder.foldUnlessImporting();
            clock.advance(Duration.ofSeconds(59));
            folder.foldUnlessImporting();
            assertThat(pendingDayChanges()).as("postponed while the batch runs").isEqualTo(pending);

            clock.advance(Duration.ofSeconds(1));
            folder.foldUnlessImporting();
            assertThat(pendingDayChanges()).as("folded once the maximum deferral has passed").isZero();

            data.opportunity("O2", "C1", "INS", "LOST", "2025-01-11T10:00:00Z", "2025-02-11T10:00:00Z");
            folder.foldUnlessImporting();
            assertThat(pendingDayChanges()).as("postponed again: the last round was just now").isPositive();

            release.countDown();
            inFlight.get(10, TimeUnit.SECONDS);
            assertThat(importBatch.batchInFlight()).isFalse();
            folder.foldUnlessImporting();
            assertThat(pendingDayChanges()).as("folded at once when no batch runs").isZero();
        }
        finally {
            release.countDown();
            batch.shutdownNow();
        }
    }

    private long pendingDayChanges() {
        return jdbc.sql("select count(*) from kpi_day_count_delta").query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock that moves only when told. */
    private static final class SteppingClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
