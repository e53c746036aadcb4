package com.example.crosssell.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A write the API acknowledged is counted by the very next KPI call (SPEC §6.5, issue #7 "Freshness"), on every
 * write path: PUT, DELETE, NDJSON and CSV import, webhook upsert and delete. Starts from the worked example (SPEC §5)
 * and asserts the exact numbers before and after each write; period Q1 2025 in UTC unless stated.
 */
@IntegrationTest
class KpiReadYourWritesIntegrationTests {

    private static final String Q1 = "from=2025-01-01&to=2025-03-31&details=false";

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    private CrmWrites writes;

    @BeforeEach
    void loadWorkedExample() {
        data.truncateAll();
        data.loadWorkedExample();
        writes = new CrmWrites(http, "read-your-writes");
    }

    @Test
    void aCustomerMovedToAnotherHomeUnitByPutIsSeenByTheNextCalls() {
        assertThat(ratio("&unit=RET")).isEqualTo("2/3");
        assertThat(ratioByUnit("")).containsExactly("INS 1/1", "RET 2/3", "WEA 0/0", "total 3/4");
        writes.put("/api/v1/customers/C1", """
                {"homeUnit": "INS", "customerSince": "2024-01-10", "segment": "SMB"}""");
        // O1 (→ INS) is now a same-unit sale; O2 (→ WEA) counts for INS; RET keeps C2 and C3, without a sale
        assertThat(ratio("&unit=RET")).isEqualTo("0/2");
        assertThat(ratio("&unit=INS")).isEqualTo("2/2");
        assertThat(conversion("&unit=RET")).isEqualTo("2/4");
        assertThat(conversion("&unit=INS")).isEqualTo("2/2");
        assertThat(ratioByUnit("")).containsExactly("INS 2/2", "RET 0/2", "WEA 0/0", "total 2/4");
        assertThat(matrix("")).isEqualTo("INS>RET 1, INS>WEA 1 | {INS=2, RET=2, WEA=0}");
    }

    @Test
    void aSegmentChangedOrRemovedByPutIsSeenByTheNextCalls() {
        assertThat(ratio("&unit=RET&segment=SMB")).isEqualTo("2/2");
        assertThat(ratio("&unit=RET&segment=RETAIL")).isEqualTo("0/1");
        assertThat(conversion("&segment=RETAIL")).isEqualTo("1/2");
        writes.put("/api/v1/customers/C1", """
                {"homeUnit": "RET", "customerSince": "2024-01-10", "segment": "RETAIL"}""");
        assertThat(ratio("&unit=RET&segment=SMB")).isEqualTo("0/1");
        assertThat(ratio("&unit=RET&segment=RETAIL")).isEqualTo("2/2");
        assertThat(conversion("&segment=RETAIL")).isEqualTo("3/4");
        writes.put("/api/v1/customers/C1", """
                {"homeUnit": "RET", "customerSince": "2024-01-10"}""");
        assertThat(ratio("&unit=RET&segment=RETAIL")).isEqualTo("0/1");
        assertThat(conversion("&segment=RETAIL")).isEqualTo("1/2");
        assertThat(ratio("&unit=RET")).isEqualTo("2/3");
    }

    @Test
    void anOpportunityWonThenLostAgainByPutIsSeenByTheNextCalls() {
        assertThat(ratioSeries("&unit=RET")).containsExactly("1/2", "0/3", "1/3");
        var o3 = """
                {"customer": "C2", "productUnit": "INS", "status": "%s", "openedAt": "2025-01-10T10:00:00Z",
                 "closedAt": "2025-02-10T10:00:00Z"}""";
        assertThat(writes.put("/api/v1/opportunities/O3", o3.formatted("WON"))).isEqualTo("UPDATED");
        assertThat(conversion("&unit=RET")).isEqualTo("5/6");
        assertThat(ratio("&unit=RET")).isEqualTo("3/3");
        assertThat(ratioSeries("&unit=RET")).containsExactly("1/2", "1/3", "1/3");
        assertThat(writes.put("/api/v1/opportunities/O3", o3.formatted("LOST"))).isEqualTo("UPDATED");
        assertThat(ratioSeries("&unit=RET")).containsExactly("1/2", "0/3", "1/3");
        assertThat(conversion("&unit=RET")).isEqualTo("4/6");
    }

    @Test
    void deletesByTheRecordsApiAreSeenByTheNextCalls() {
        assertThat(ratio("&unit=RET")).isEqualTo("2/3");
        assertThat(conversion("&unit=RET")).isEqualTo("4/6");
        assertThat(ratio("&unit=RET", "from=2025-01-01&to=2025-04-30&details=false")).isEqualTo("3/4");
        writes.delete("/api/v1/opportunities/O2");
        assertThat(ratio("&unit=RET")).isEqualTo("1/3");
        assertThat(conversion("&unit=RET")).isEqualTo("3/5");
        assertThat(matrix("")).isEqualTo("INS>RET 1, RET>INS 1 | {INS=1, RET=3, WEA=0}");
        assertThat(ratio("&unit=RET", "from=2025-01-01&to=2025-04-30&details=false")).isEqualTo("2/4");
        writes.delete("/api/v1/customers/C5"); // a customer without opportunities, in the base from 2 April
        assertThat(ratio("&unit=RET", "from=2025-01-01&to=2025-04-30&details=false")).isEqualTo("2/3");
    }

    @Test
    void anNdjsonImportIsSeenByTheNextCalls() {
        assertThat(ratio("&unit=INS")).isEqualTo("1/1");
        var customers = writes.importFile("customers", CrmWrites.NDJSON, """
                {"externalId": "C2", "homeUnit": "INS", "customerSince": "2024-06-01", "segment": "RETAIL"}
                """);
        assertThat(customers.updated()).isEqualTo(1);
        // C2 moves to INS: O4 (→ RET) becomes a cross-sale of INS
        assertThat(ratio("&unit=INS")).isEqualTo("2/2");
        assertThat(ratio("&unit=RET")).isEqualTo("2/2");
        assertThat(matrix("")).isEqualTo("INS>RET 2, RET>INS 1, RET>WEA 1 | {INS=2, RET=2, WEA=0}");
        assertThat(conversion("&unit=RET&basis=CLOSED")).isEqualTo("2/2");
        var opportunities = writes.importFile("opportunities", CrmWrites.NDJSON, """
                {"externalId": "O5", "customer": "C3", "productUnit": "WEA", "status": "WON", \
                "openedAt": "2025-03-01T10:00:00Z", "closedAt": "2025-03-15T00:00:00Z"}
                """);
        assertThat(opportunities.updated()).isEqualTo(1);
        assertThat(conversion("&unit=RET&basis=CLOSED")).isEqualTo("3/3");
        assertThat(ratio("&unit=RET")).isEqualTo("3/2");
    }

    @Test
    void aCsvImportIsSeenByTheNextCalls() {
        assertThat(ratio("&unit=RET")).isEqualTo("2/3");
        var customers = writes.importFile("customers", CrmWrites.CSV, """
                externalId,homeUnit,customerSince,segment
                C3,RET,2025-04-01,
                """);
        assertThat(customers.updated()).isEqualTo(1);
        // C3 joins the base on 1 April now; its segment is gone
        assertThat(ratioSeries("&unit=RET")).containsExactly("1/2", "0/2", "1/2");
        assertThat(ratio("&unit=RET&segment=SMB")).isEqualTo("2/1");
        var opportunities = writes.importFile("opportunities", CrmWrites.CSV, """
                externalId,customer,productUnit,status,openedAt,closedAt
                O1,C1,INS,WON,2025-01-05T10:00:00Z,2025-04-01T00:00:00Z
                """);
        assertThat(opportunities.updated()).isEqualTo(1);
        // O1 now closes at the first instant of April in UTC, still 31 March in New York
        assertThat(ratio("&unit=RET")).isEqualTo("1/2");
        assertThat(ratio("&unit=RET&zone=America/New_York")).isEqualTo("2/2");
    }

    @Test
    void webhookUpsertsAreSeenByTheNextCalls() {
        assertThat(ratio("&unit=RET")).isEqualTo("2/3");
        assertThat(writes.webhook("opportunity.upserted", """
                {"externalId": "O5", "customer": "C3", "productUnit": "WEA", "status": "WON",
                 "openedAt": "2025-03-01T10:00:00Z", "closedAt": "2025-03-15T10:00:00Z"}""")).isEqualTo("APPLIED");
        assertThat(ratio("&unit=RET")).isEqualTo("3/3");
        assertThat(conversion("&unit=RET&basis=CLOSED")).isEqualTo("4/5");
        assertThat(writes.webhook("customer.upserted", """
                {"externalId": "C4", "homeUnit": "WEA", "customerSince": "2023-11-01", "segment": "SMB"}"""))
                .isEqualTo("APPLIED");
        assertThat(matrix("")).isEqualTo("RET>INS 1, RET>WEA 2, WEA>RET 1 | {INS=0, RET=3, WEA=1}");
        assertThat(ratio("&unit=INS")).isEqualTo("0/0");
        assertThat(ratio("&unit=RET&unitRole=PRODUCT")).isEqualTo("1/1");
    }

    @Test
    void webhookDeletesAreSeenByTheNextCalls() {
        assertThat(conversion("&basis=CLOSED")).isEqualTo("4/5");
        assertThat(writes.webhook("customer.deleted", """
                {"externalId": "C1", "updatedAt": "2025-06-01T00:00:00Z"}""")).isEqualTo("APPLIED");
        // C1 goes with O1 and O2
        assertThat(conversion("&basis=CLOSED")).isEqualTo("2/3");
        assertThat(ratio("&unit=RET")).isEqualTo("0/2");
        assertThat(conversion("&unit=RET")).isEqualTo("2/4");
        assertThat(matrix("")).isEqualTo("INS>RET 1 | {INS=1, RET=2, WEA=0}");
        assertThat(conversionByUnit("&basis=CLOSED")).containsExactly("INS 1/1", "RET 1/2", "WEA 0/0", "total 2/3");
        assertThat(ratio("")).isEqualTo("1/3");
        assertThat(writes.webhook("opportunity.deleted", """
                {"externalId": "O6", "updatedAt": "2025-06-01T00:00:00Z"}""")).isEqualTo("APPLIED");
        assertThat(ratio("")).isEqualTo("0/3");
        assertThat(conversionByUnit("&basis=CLOSED")).containsExactly("INS 0/0", "RET 1/2", "WEA 0/0", "total 1/2");
    }

    // ---------------------------------------------------------------- KPI calls, as "numerator/denominator"

    private String ratio(String params) {
        return ratio(params, Q1);
    }

    private String ratio(String params, String period) {
        return fraction(KpiExpectations.get(http, "/api/v1/kpis/cross-sell-ratio?" + period + params,
                RatioResult.class));
    }

    private String conversion(String params) {
        return fraction(KpiExpectations.get(http, "/api/v1/kpis/conversion-rate?" + Q1 + params,
                ConversionResult.class));
    }

    /** Monthly points of the ratio in Q1. */
    private List<String> ratioSeries(String params) {
        return KpiExpectations.get(http, "/api/v1/kpis/cross-sell-ratio/series?granularity=MONTH&" + Q1 + params,
                new ParameterizedTypeReference<KpiSeries<RatioResult>>() { }).points().stream()
                .map(KpiReadYourWritesIntegrationTests::fraction).toList();
    }

    private List<String> ratioByUnit(String params) {
        var breakdown = KpiExpectations.get(http, "/api/v1/kpis/cross-sell-ratio/by-unit?" + Q1 + params,
                new ParameterizedTypeReference<KpiBreakdown<RatioResult>>() { });
        var rows = new ArrayList<String>();
        breakdown.rows().forEach(row -> rows.add(row.unit() + " " + fraction(row)));
        rows.add("total " + fraction(breakdown.total()));
        return rows;
    }

    private List<String> conversionByUnit(String params) {
        var breakdown = KpiExpectations.get(http, "/api/v1/kpis/conversion-rate/by-unit?" + Q1 + params,
                new ParameterizedTypeReference<KpiBreakdown<ConversionResult>>() { });
        var rows = new ArrayList<String>();
        breakdown.rows().forEach(row -> rows.add(row.unit() + " " + fraction(row)));
        rows.add("total " + fraction(breakdown.total()));
        return rows;
    }

    /** "home>product count, ... | customersByUnit". */
    private String matrix(String params) {
        var matrix = KpiExpectations.get(http, "/api/v1/kpis/cross-sell-matrix?" + Q1 + params,
                CrossSellMatrix.class);
        return matrix.cells().stream().map(c -> c.homeUnit() + ">" + c.productUnit() + " " + c.crossSoldProducts())
                .collect(Collectors.joining(", ")) + " | " + matrix.customersByUnit();
    }

    private static String fraction(KpiResult result) {
        return result.numerator() + "/" + result.denominator();
    }
}
