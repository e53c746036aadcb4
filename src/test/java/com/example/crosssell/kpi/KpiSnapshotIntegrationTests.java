package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import com.example.crosssell.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a KPI read runs under (KpiSnapshot): one repeatable-read snapshot in the read-only transaction, generic plans
 * only for single-period answers, and nothing left on the pooled connection after the commit.
 */
@IntegrationTest
class KpiSnapshotIntegrationTests {

    @Autowired
    KpiSnapshot snapshot;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSinglePeriodAnswerReadsOneSnapshotWithTheConnectionsGenericPlans() {
        assertThat(readOnly(() -> settingsAfterBegin(true)))
                .containsExactly("repeatable read", "on", "force_generic_plan");
    }

    @Test
    void aSeriesReadsOneSnapshotWithPlansMadeForItsParameters() {
        assertThat(readOnly(() -> settingsAfterBegin(false))).containsExactly("repeatable read", "on", "auto");
    }

    @Test
    void theNextTransactionOnThePoolReadsCommittedDataWithThePlannersDefault() {
        for (int i = 0; i < 20; i++) { // more than the pool's connections: every one has served a snapshot
            readOnly(() -> settingsAfterBegin(true));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(readOnly(this::settings)).containsExactly("read committed", "on", "auto");
        }
    }

    private List<String> readOnly(Supplier<List<String>> read) {
        var transaction = new TransactionTemplate(transactions);
        transaction.setReadOnly(true);
        return transaction.execute(status -> read.get());
    }

    private List<String> settingsAfterBegin(boolean reusePlans) {
        snapshot.begin(reusePlans);
        return settings();
    }

    private List<String> settings() {
        return jdbc.sql("select current_setting('transaction_isolation'), current_setting('transaction_read_only'), "
                + "current_setting('plan_cache_mode')")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }
}
