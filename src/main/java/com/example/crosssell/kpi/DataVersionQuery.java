package com.example.crosssell.kpi;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the one-row {@code data_version} table that triggers advance on every write (V6). */
@Repository
class DataVersionQuery {

    private final JdbcClient jdbc;

    DataVersionQuery(@KpiReads JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DataVersion current() {
        return jdbc.sql("select version, changed_at from data_version")
                .query((rs, n) -> new DataVersion(rs.getLong("version"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .single();
    }
}
