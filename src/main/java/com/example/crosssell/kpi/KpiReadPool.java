package com.example.crosssell.kpi;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The connection pool of KPI reads (docs/kpi-queries.md, "KPI reads: their own pool, one snapshot where needed"): a
 * second HikariCP pool on the service's own database, beside the default one that JPA and every write use. Its
 * connections are set up once, when the pool opens them, for what every KPI read needs: read-only, repeatable-read
 * transactions, generic plans (a plan per connection instead of a plan per call) and no JIT. A KPI answer then needs
 * no statement of its own to set them, and an answer of one statement needs no transaction at all
 * ({@link KpiSnapshot}). The same server as the writes, so a write acknowledged by the API is in the very next answer
 * (SPEC §6; issue #7).
 *
 * <p>It takes the default pool's URL, credentials and schema, HikariCP's defaults for the rest (10 connections), and
 * any HikariCP setting from {@code crosssell.kpi.pool.*}, except the ones its reads rely on, which are fixed: the
 * session settings, auto-commit and the pool's name. Its beans are not default candidates, so Spring Boot configures
 * the default pool, JPA and their transaction manager as it would without it; only what is marked {@link KpiReads}
 * uses it (Boot's health and pool metrics list it beside the default pool).
 */
@Configuration(proxyBeanMethods = false)
class KpiReadPool {

    static final String POOL_NAME = "kpi-reads";

    /** Run once per connection, when the pool opens it. */
    static final String SESSION = "set jit = off; set plan_cache_mode = force_generic_plan; "
            + "set default_transaction_isolation = 'repeatable read'; set default_transaction_read_only = on";

    /** The default pool's database and HikariCP's defaults, then {@code crosssell.kpi.pool.*} bound onto them. */
    @Bean(defaultCandidate = false)
    @KpiReads
    @ConfigurationProperties("crosssell.kpi.pool")
    HikariConfig kpiPoolConfig(HikariDataSource dataSource) {
        var config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        config.setSchema(dataSource.getSchema());
        return config;
    }

    @Bean(defaultCandidate = false)
    @KpiReads
    HikariDataSource kpiDataSource(@KpiReads HikariConfig config) {
        config.setPoolName(POOL_NAME);
        config.setConnectionInitSql(SESSION);
        config.setAutoCommit(true);
        config.setTransactionIsolation(null);
        return new HikariDataSource(config);
    }

    @Bean(defaultCandidate = false)
    @KpiReads
    JdbcClient kpiJdbcClient(@KpiReads DataSource kpiDataSource) {
        return JdbcClient.create(kpiDataSource);
    }
}
