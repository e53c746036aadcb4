package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.stubbing.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which way each endpoint reads (KpiSnapshot): its counting statement outside a transaction when it answers alone
 * ({@code details=false}), inside one snapshot when other statements must agree with it (details, the matrix); and
 * the KPI read pool takes HikariCP settings from {@code crosssell.kpi.pool.*} but keeps the session its reads rely on.
 */
@IntegrationTest
@TestPropertySource(properties = {"crosssell.kpi.pool.maximum-pool-size=3",
        "crosssell.kpi.pool.connection-init-sql=set jit = off"})
class KpiReadModesIntegrationTests {

    @MockitoSpyBean
    CrossSellRatioQuery ratios;

    @MockitoSpyBean
    ConversionRateQuery conversions;

    @MockitoSpyBean
    CrossSellMatrixQuery matrix;

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @Autowired
    @KpiReads
    HikariDataSource pool;

    @Autowired
    @KpiReads
    JdbcClient kpiJdbc;

    /** Whether each counting statement ran inside a transaction, in call order. */
    private final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordTheCountingStatements() {
        data.truncateAll();
        data.loadWorkedExample();
        Answer<?> recording = invocation -> {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            return invocation.callRealMethod();
        };
        doAnswer(recording).when(ratios).fractions(any(), any(), any());
        doAnswer(recording).when(ratios).byUnit(any(), any(), any());
        doAnswer(recording).when(conversions).fractions(any(), any(), any());
        doAnswer(recording).when(conversions).byUnit(any(), any(), any());
        doAnswer(recording).when(conversions).byOwner(any(), any(), any());
        doAnswer(recording).when(matrix).cells(any(), any(), any());
    }

    @ParameterizedTest(name = "{0} → in a transaction: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=RET&details=false                   | false
            cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=RET&compare=PREVIOUS_PERIOD&details=false | false
            cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=RET                                 | true
            cross-sell-ratio/series?from=2025-01-01&to=2025-03-31&unit=RET&details=false            | false
            cross-sell-ratio/series?from=2025-01-01&to=2025-03-31&unit=RET                          | true
            cross-sell-ratio/by-unit?from=2025-01-01&to=2025-03-31&details=false                    | false
            cross-sell-ratio/by-unit?from=2025-01-01&to=2025-03-31                                  | true
            conversion-rate?from=2025-01-01&to=2025-03-31&details=false                             | false
            conversion-rate/series?from=2025-01-01&to=2025-03-31&granularity=WEEK&details=false     | false
            conversion-rate/by-unit?from=2025-01-01&to=2025-03-31                                   | true
            conversion-rate/by-owner?from=2025-01-01&to=2025-03-31&details=false                    | false
            conversion-rate/by-owner?from=2025-01-01&to=2025-03-31                                  | true
            cross-sell-matrix?from=2025-01-01&to=2025-03-31&details=false                           | true
            cross-sell-matrix?from=2025-01-01&to=2025-03-31                                         | true
            """)
    void theCountingStatementRunsInATransactionOnlyWhereOtherStatementsMustAgreeWithIt(String query,
            boolean transaction) {
        http.get().uri("/api/v1/kpis/" + query).header(HttpHeaders.CACHE_CONTROL, "no-cache").exchange()
                .expectStatus().isOk();

        assertThat(inTransaction).containsExactly(transaction);
    }

    @Test
    void thePoolTakesHikariSettingsButKeepsTheSessionItsReadsRelyOn() {
        assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
        assertThat(pool.getPoolName()).isEqualTo("kpi-reads");
        assertThat(kpiJdbc.sql("select current_setting('jit'), current_setting('plan_cache_mode'), "
                + "current_setting('default_transaction_isolation'), current_setting('default_transaction_read_only')")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single()).containsExactly("off", "force_generic_plan", "repeatable read", "on");
    }
}
