package com.example.crosssell.kpi;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The connection pool of KPI reads (docs/kpi-queries.md, "KPI reads: their own pool, one snapshot where needed"): a
 * second HikariCP pool on the service's own database, beside the default one that every write uses. Its connections
 * are set up once, when the pool opens them, for what every KPI read needs: read-only, repeatable-read transactions,
 * generic plans (a plan per connection instead of a plan per call) and no JIT. A KPI answer then needs no statement
 * of its own to set them, and an answer of one statement needs no transaction at all ({@link KpiSnapshot}). The same
 * server as the writes, so a write acknowledged by the API is in the very next answer (SPEC §6; issue #7).
 *
 * <p>It copies the default pool's settings (URL, credentials, schema) and takes its own from
 * {@code crosssell.kpi.pool.*} (any HikariCP setting, e.g. {@code maximum-pool-size}, default 10). Both beans are
 * not default candidates, so Spring Boot still configures the default pool, JPA and their transaction manager as if
 * this one did not exist; only what is marked {@link KpiReads} uses it.
 */
@Configuration(proxyBeanMethods = false)
class KpiReadPool {

    /** Run once per connection, when the pool opens it. */
    static final String SESSION = "set jit = off; set plan_cache_mode = force_generic_plan; "
            + "set default_transaction_isolation = 'repeatable read'; set default_transaction_read_only = on";

    @Bean(defaultCandidate = false)
    @KpiReads
    @ConfigurationProperties("crosssell.kpi.pool")
    HikariDataSource kpiDataSource(HikariDataSource dataSource) {
        var pool = new HikariDataSource();
        dataSource.copyStateTo(pool);
        pool.setPoolName("kpi-reads");
        pool.setConnectionInitSql(SESSION);
        return pool;
    }

    @Bean(defaultCandidate = false)
    @KpiReads
    JdbcClient kpiJdbcClient(@KpiReads DataSource kpiDataSource) {
        return JdbcClient.create(kpiDataSource);
    }
}
