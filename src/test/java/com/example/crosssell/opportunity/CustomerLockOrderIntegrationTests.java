package com.example.crosssell.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.example.crosssell.WriteOutcome;
import com.example.crosssell.testsupport.AwaitedLocks;
import com.example.crosssell.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A single-record opportunity write and a customer write that locks the customer before its opportunities (as a
 * customer import batch does: its merge locks every customer of the batch, then V8's cascade updates their
 * opportunities) wait for each other instead of deadlocking (OpportunityTombstones.lockCustomer).
 */
@IntegrationTest
class CustomerLockOrderIntegrationTests {

    @Autowired
    OpportunityService opportunities;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpportunityWriteWaitsForItsCustomersWriterInsteadOfDeadlockingWithIt() throws Exception {
        jdbc.sql("insert into business_unit (code, name) values ('LOCK-ORDER', 'Lock order')").update();
        jdbc.sql("""
                insert into customer (external_id, home_unit_id, customer_since)
                select 'C-LOCK-ORDER', id, date '2024-01-01' from business_unit where code = 'LOCK-ORDER'
                """).update();
        var request = new OpportunityRequest("C-LOCK-ORDER", "LOCK-ORDER", null, null, OpportunityStatus.OPEN,
                Instant.parse("2025-01-10T10:00:00Z"), null, BigDecimal.ONE, Instant.parse("2025-01-10T10:00:00Z"));
        opportunities.upsert("O-LOCK-ORDER", request);

        var customerLocked = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(2);
        try {
            var customerWriter = threads.submit(() -> transaction.execute(status -> {
                jdbc.sql("select 1 from customer where external_id = 'C-LOCK-ORDER' for update").query(Integer.class)
                        .single();
                customerLocked.countDown();
                AwaitedLocks.waitUntilOneIsAwaited(jdbc, "transactionid",
                        "the opportunity's writer never waited for the customer's writer");
                // then its opportunities, as V8's cascade does after a batch's customers
                return jdbc.sql("""
                        update opportunity set amount = 2
                         where customer_id = (select id from customer where external_id = 'C-LOCK-ORDER')
                        """).update();
            }));
            assertThat(customerLocked.await(10, TimeUnit.SECONDS)).isTrue();
            var newer = new OpportunityRequest("C-LOCK-ORDER", "LOCK-ORDER", null, null, OpportunityStatus.WON,
                    request.openedAt(), Instant.parse("2025-02-01T10:00:00Z"), BigDecimal.TEN,
                    Instant.parse("2025-02-01T10:00:00Z"));
            var opportunityWriter = threads.submit(() -> opportunities.upsert("O-LOCK-ORDER", newer));

            assertThat(customerWriter.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(opportunityWriter.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(WriteOutcome.UPDATED);
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("select status || ' ' || amount from opportunity where external_id = 'O-LOCK-ORDER'")
                .query(String.class).single()).isEqualTo("WON 10.0000");
    }
}
