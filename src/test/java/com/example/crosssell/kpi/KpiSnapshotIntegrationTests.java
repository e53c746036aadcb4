package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a KPI read runs under (KpiSnapshot on the KPI read pool): without a transaction for an answer of one
 * statement, one repeatable-read snapshot where its statements must agree, generic plans except for explain,
 * read-only throughout, and nothing of a transaction left on the pooled connections.
 */
@IntegrationTest
class KpiSnapshotIntegrationTests {

    @Autowired
    KpiSnapshot snapshot;

    @Autowired
    @KpiReads
    JdbcClient kpiJdbc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    @BeforeEach
    void clean() {
        data.truncateAll();
    }

    @Test
    void anAnswerOfOneStatementRunsWithoutATransactionOnTheConnectionsGenericPlans() {
        assertThat(snapshot.read(false, () -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
            return settings();
        })).containsExactly("repeatable read", "on", "force_generic_plan");
    }

    @Test
    void anAnswerWhoseStatementsMustAgreeReadsOneSnapshot() {
        data.unit("RET", "Retail Banking");
        var counts = snapshot.read(true, () -> {
            var before = units();
            jdbc.sql("insert into business_unit (code, name) values ('INS', 'Insurance')").update(); // commits
            return List.of(before, units());
        });

        assertThat(counts).containsExactly(1L, 1L);
        assertThat(snapshot.read(false, this::units)).isEqualTo(2L);
    }

    @Test
    void withoutATransactionEveryStatementReadsWhatIsCommittedWhenItStarts() {
        data.unit("RET", "Retail Banking");
        var counts = snapshot.read(false, () -> {
            var before = units();
            jdbc.sql("insert into business_unit (code, name) values ('INS', 'Insurance')").update();
            return List.of(before, units());
        });

        assertThat(counts).containsExactly(1L, 2L);
    }

    @Test
    void explainReadsOneSnapshotWithPlansMadeForItsParameters() {
        assertThat(snapshot.readPlanningEachCall(() -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            return settings();
        })).containsExactly("repeatable read", "on", "auto");
    }

    @Test
    void theConnectionThatServedAnExplanationKeepsItsGenericPlans() {
        var explained = snapshot.readPlanningEachCall(this::backend);
        // Hikari hands the same thread the connection it returned last
        assertThat(snapshot.read(false, () -> List.of(backend(), settings())))
                .containsExactly(explained, List.of("repeatable read", "on", "force_generic_plan"));
        assertThat(snapshot.read(true, () -> List.of(backend(), settings())))
                .containsExactly(explained, List.of("repeatable read", "on", "force_generic_plan"));
    }

    @Test
    void theKpiReadPoolWritesNothing() {
        assertThatThrownBy(() -> snapshot.read(false,
                () -> kpiJdbc.sql("insert into business_unit (code, name) values ('INS', 'Insurance')").update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("read-only transaction");
        assertThat(jdbc.sql("select count(*) from business_unit").query(Long.class).single()).isZero();
    }

    private int backend() {
        return kpiJdbc.sql("select pg_backend_pid()").query(Integer.class).single();
    }

    private long units() {
        return kpiJdbc.sql("select count(*) from business_unit").query(Long.class).single();
    }

    private List<String> settings() {
        return kpiJdbc.sql("select current_setting('transaction_isolation'), current_setting('transaction_read_only'), "
                + "current_setting('plan_cache_mode')")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }
}
