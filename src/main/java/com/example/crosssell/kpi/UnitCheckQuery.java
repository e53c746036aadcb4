package com.example.crosssell.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether the unit a KPI query names exists: one plain statement on the KPI read pool, no entity (loading the entity
 * took about a fifth of a computed series' CPU; the KPI statements find the unit's id themselves).
 */
@Repository
class UnitCheckQuery {

    private final JdbcClient jdbc;

    UnitCheckQuery(@KpiReads JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String code) {
        return jdbc.sql("select 1 from business_unit where code = :code").param("code", code).query(Integer.class)
                .optional().isPresent();
    }
}
