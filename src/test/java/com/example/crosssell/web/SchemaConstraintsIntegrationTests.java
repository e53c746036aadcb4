package com.example.crosssell.web;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database enforces SPEC §2 on its own, so no write path (REST, import, webhook, a hand-written script) can store
 * what the API refuses: each row below is a direct SQL write that a named constraint must refuse.
 */
@IntegrationTest
class SchemaConstraintsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    @BeforeEach
    void workedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "uq_business_unit_code          | insert into business_unit (code, name) values ('RET', 'Again')",
            "ck_business_unit_code          | insert into business_unit (code, name) values ('-X', 'Bad code')",
            "uq_customer_external_id        | insert into customer (external_id, home_unit_id, customer_since) "
                    + "select 'C1', id, date '2024-01-01' from business_unit where code = 'RET'",
            "ck_customer_external_id        | insert into customer (external_id, home_unit_id, customer_since) "
                    + "select 'a/b', id, date '2024-01-01' from business_unit where code = 'RET'",
            "fk_customer_home_unit          | insert into customer (external_id, home_unit_id, customer_since) "
                    + "values ('C9', -1, date '2024-01-01')",
            "fk_opportunity_customer        | insert into opportunity (external_id, customer_id, product_unit_id, "
                    + "status, opened_at) select 'O9', -1, id, 'OPEN', now() from business_unit where code = 'RET'",
            "ck_opportunity_status          | update opportunity set status = 'DONE' where external_id = 'O1'",
            "ck_opportunity_closed_at       | update opportunity set closed_at = null where external_id = 'O1'",
            "ck_opportunity_closed_at       | update opportunity set status = 'OPEN' where external_id = 'O1'",
            "ck_opportunity_closed_after_opened | update opportunity set closed_at = opened_at - interval '1 second' "
                    + "where external_id = 'O1'",
            "ck_opportunity_amount          | update opportunity set amount = -1 where external_id = 'O1'",
            "fk_customer_home_unit          | delete from business_unit where code = 'INS'",
            "fk_opportunity_customer        | delete from customer where external_id = 'C1'"})
    void theDatabaseRefusesWhatTheApiRefuses(String constraint, String sql) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining(constraint);
        assertThat(jdbc.sql("select count(*) from opportunity where status = 'WON' and closed_at is not null")
                .query(Long.class).single()).isEqualTo(5);
    }
}
