package com.example.crosssell.testsupport;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Puts data in place through the public API, the way a client would, and empties the tables between tests. */
@TestComponent
public class TestData {

    private final JdbcClient jdbc;

    private final RestTestClient http;

    TestData(JdbcClient jdbc, @Lazy RestTestClient http) {
        this.jdbc = jdbc;
        this.http = http;
    }

    public void truncateAll() {
        jdbc.sql("truncate opportunity, customer, business_unit restart identity cascade").update();
        jdbc.sql("truncate webhook_event, customer_tombstone, opportunity_tombstone restart identity").update();
    }

    /** SPEC §5: units RET, INS, WEA; customers C1–C5; opportunities O1–O7. */
    public void loadWorkedExample() {
        unit("RET", "Retail Banking");
        unit("INS", "Insurance");
        unit("WEA", "Wealth");
        customer("C1", "RET", "2024-01-10", "SMB");
        customer("C2", "RET", "2024-06-01", "RETAIL");
        customer("C3", "RET", "2025-02-15", "SMB");
        customer("C4", "INS", "2023-11-01", "SMB");
        customer("C5", "RET", "2025-04-02", "RETAIL");
        opportunity("O1", "C1", "INS", "WON", "2025-01-05T10:00:00Z", "2025-01-20T10:00:00Z");
        opportunity("O2", "C1", "WEA", "WON", "2025-02-01T10:00:00Z", "2025-03-31T23:30:00Z");
        opportunity("O3", "C2", "INS", "LOST", "2025-01-10T10:00:00Z", "2025-02-10T10:00:00Z");
        opportunity("O4", "C2", "RET", "WON", "2025-01-15T10:00:00Z", "2025-02-01T10:00:00Z");
        opportunity("O5", "C3", "WEA", "OPEN", "2025-03-01T10:00:00Z", null);
        opportunity("O6", "C4", "RET", "WON", "2024-12-20T10:00:00Z", "2025-01-10T10:00:00Z");
        opportunity("O7", "C3", "INS", "WON", "2025-03-20T10:00:00Z", "2025-04-01T00:00:00Z");
    }

    public void unit(String code, String name) {
        put("/api/v1/units/" + code, """
                {"name": "%s"}""".formatted(name));
    }

    public void customer(String externalId, String homeUnit, String customerSince, String segment) {
        put("/api/v1/customers/" + externalId, """
                {"homeUnit": "%s", "customerSince": "%s", "segment": "%s"}"""
                .formatted(homeUnit, customerSince, segment));
    }

    public void opportunity(String externalId, String customer, String productUnit, String status, String openedAt,
            String closedAt) {
        var closed = closedAt == null ? "null" : '"' + closedAt + '"';
        put("/api/v1/opportunities/" + externalId, """
                {"customer": "%s", "productUnit": "%s", "status": "%s", "openedAt": "%s", "closedAt": %s}"""
                .formatted(customer, productUnit, status, openedAt, closed));
    }

    public void put(String uri, String json) {
        http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).exchange().expectStatus()
                .is2xxSuccessful();
    }
}
