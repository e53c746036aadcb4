package com.example.crosssell.kpi;

import java.util.List;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8 copies each customer's home unit, customer_since and segment onto its opportunities; the KPIs read only the
 * copies. The triggers keep them equal to the customer whatever writes, so these tests write with plain SQL (the
 * path no service guards) and compare every opportunity with a join of the customer.
 */
@IntegrationTest
class CopiedCustomerColumnsIntegrationTests {

    /** Opportunities whose copies differ from their customer (external ids): must always be none. */
    private static final String DIFFERING = """
            select o.external_id
              from opportunity o
              join customer c on c.id = o.customer_id
             where o.customer_home_unit_id is distinct from c.home_unit_id
                or o.customer_since is distinct from c.customer_since
                or o.customer_segment is distinct from c.segment
             order by 1""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    @Autowired
    RestTestClient http;

    @BeforeEach
    void workedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    @Test
    void aNewOpportunityCopiesItsCustomerWhateverTheInsertSays() {
        jdbc.sql("""
                insert into opportunity (external_id, customer_id, product_unit_id, status, opened_at,
                                         customer_home_unit_id, customer_since, customer_segment)
                select 'O9', c.id, c.home_unit_id, 'OPEN', now(), -1, date '1900-01-01', 'FORGED'
                  from customer c where c.external_id = 'C4'""").update();

        assertThat(jdbc.sql("""
                select u.code || ' ' || o.customer_since || ' ' || o.customer_segment
                  from opportunity o join business_unit u on u.id = o.customer_home_unit_id
                 where o.external_id = 'O9'""").query(String.class).single()).isEqualTo("INS 2023-11-01 SMB");
        assertThat(differing()).isEmpty();
    }

    @Test
    void aCustomerChangeReachesEveryOneOfItsOpportunities() {
        jdbc.sql("""
                update customer
                   set home_unit_id = (select id from business_unit where code = 'WEA'),
                       customer_since = date '2025-03-31', segment = null
                 where external_id = 'C1'""").update();

        assertThat(jdbc.sql("""
                select o.external_id from opportunity o join business_unit u on u.id = o.customer_home_unit_id
                 where u.code = 'WEA' and o.customer_since = date '2025-03-31' and o.customer_segment is null
                 order by 1""").query(String.class).list()).containsExactly("O1", "O2");
        assertThat(differing()).isEmpty();
    }

    @Test
    void movingAnOpportunityToAnotherCustomerOrForgingItsCopiesTakesTheCustomersValues() {
        jdbc.sql("update opportunity set customer_id = (select id from customer where external_id = 'C2') "
                + "where external_id = 'O1'").update();
        jdbc.sql("update opportunity set customer_segment = 'FORGED', customer_since = date '1900-01-01' "
                + "where external_id = 'O6'").update();

        assertThat(jdbc.sql("select customer_segment from opportunity where external_id in ('O1', 'O6') "
                + "order by external_id").query(String.class).list()).containsExactly("RETAIL", "SMB");
        assertThat(differing()).isEmpty();
    }

    @Test
    void theImportCopiesItsCustomersColumnsItselfAndLeavesTheTriggerOnForEveryOtherWrite() {
        // the import merge writes the copies (V13): a new opportunity, and O1 moved from C1 (RET) to C4 (INS)
        new CrmWrites(http, "copied").importFile("opportunities", CrmWrites.CSV, """
                externalId,customer,productUnit,product,owner,status,openedAt,closedAt,amount,updatedAt
                O8,C3,WEA,Fund,ann,OPEN,2025-02-01T10:00:00Z,,,2025-03-01T00:00:00Z
                O1,C4,INS,Home,ann,WON,2025-01-05T10:00:00Z,2025-01-20T10:00:00Z,,2099-01-01T00:00:00Z
                """);

        assertThat(jdbc.sql("""
                select o.external_id || ' ' || u.code || ' ' || o.customer_since || ' ' || o.customer_segment
                  from opportunity o join business_unit u on u.id = o.customer_home_unit_id
                 where o.external_id in ('O1', 'O8') order by 1""").query(String.class).list())
                .containsExactly("O1 INS 2023-11-01 SMB", "O8 RET 2025-02-15 SMB");
        assertThat(differing()).isEmpty();
        aNewOpportunityCopiesItsCustomerWhateverTheInsertSays(); // the import's setting ended with its transactions
    }

    @Test
    void theKpiFollowsACustomerMovedByPlainSql() {
        // worked example: ratio of RET in Q1 2025 is 2 / 3 (O1, O2 of C1); C1 moved to INS takes them along
        jdbc.sql("update customer set home_unit_id = (select id from business_unit where code = 'INS') "
                + "where external_id = 'C1'").update();

        assertRatio("RET", 0, 2);
        assertRatio("INS", 2, 2); // O2 (WEA) and O6 (RET); O1 is INS's own product now
    }

    private void assertRatio(String unit, int numerator, int denominator) {
        http.get().uri("/api/v1/kpis/cross-sell-ratio?from=2025-01-01&to=2025-03-31&unit=" + unit).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.numerator").isEqualTo(numerator)
                .jsonPath("$.denominator").isEqualTo(denominator);
    }

    private List<String> differing() {
        return jdbc.sql(DIFFERING).query(String.class).list();
    }
}
