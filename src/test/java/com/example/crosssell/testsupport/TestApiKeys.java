package com.example.crosssell.testsupport;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * The API keys every {@link IntegrationTest} context knows (configured by their SHA-256 in {@link IntegrationTest}),
 * and the customizer that makes the autowired {@code RestTestClient} send the ADMIN key, so feature tests need no
 * security set-up. Tests of the security rules build their own clients or set the header per request.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestApiKeys {

    public static final String ADMIN = "test-admin-key-0123456789abcdef";

    public static final String WRITER = "test-writer-key-0123456789abcdef";

    public static final String READER = "test-reader-key-0123456789abcdef";

    /** A READER key allowed {@link #LIMITED_PER_MINUTE} requests a minute; only the rate-limit test uses it. */
    public static final String LIMITED = "test-limited-key-0123456789abcdef";

    public static final int LIMITED_PER_MINUTE = 3;

    /** The one browser origin the test context allows (CORS). */
    public static final String DASHBOARD_ORIGIN = "https://dashboards.example.test";

    // printf %s "$KEY" | sha256sum
    static final String ADMIN_SHA256 = "66fb6c8f9e74a7bf5415d444c607db9a80b70c930155fc24c528e5b2f9d0b5e3";

    static final String WRITER_SHA256 = "1837b9e5094490057b5b38e558141361d7aadf7d1f47561b8c1503252e3cb120";

    static final String READER_SHA256 = "67014fb67fa12c899b2309795a21ada3512202ac9114c8f005fc334e0ada6add";

    static final String LIMITED_SHA256 = "0ae68e6ba701f3d61982c4282a07b7a3f9fe26a0f75a576ec6fa103ca4ddf7e3";

    /** The value of the {@code Authorization} header for a key. */
    public static String bearer(String key) {
        return "Bearer " + key;
    }

    @Bean
    RestTestClientBuilderCustomizer adminKeyByDefault() {
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, bearer(ADMIN));
    }
}
