package com.example.crosssell.kpi;

import static com.example.crosssell.kpi.KpiResultCacheIntegrationTests.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.crosssell.testsupport.IntegrationTest;
import com.example.crosssell.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code crosssell.kpi.result-cache.max-results=0} turns the result cache off: every answer is computed. */
@IntegrationTest
@TestPropertySource(properties = "crosssell.kpi.result-cache.max-results=0")
class KpiResultCacheOffIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestData data;

    @BeforeEach
    void loadWorkedExample() {
        data.truncateAll();
        data.loadWorkedExample();
    }

    @Test
    void everyAnswerIsComputed() {
        var uri = "/api/v1/kpis/conversion-rate?from=2025-01-01&to=2025-03-31&unit=RET&basis=CLOSED";
        for (int call = 0; call < 3; call++) {
            var answer = get(http.get().uri(uri));
            assertThat(answer.cache()).isEqualTo("MISS");
            assertThat(answer.body()).contains("\"numerator\":3", "\"denominator\":4", "\"percent\":75.00");
        }
    }
}
