package com.example.crosssell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The environment-variable forms docs/security.md promises bind as documented. */
class SecurityPropertiesBindingTests {

    @Test
    void keysRateLimitAndCorsBindFromEnvironmentVariables() {
        var properties = bind(Map.of(
                "CROSSSELL_SECURITY_APIKEYS_0_NAME", "dashboards",
                "CROSSSELL_SECURITY_APIKEYS_0_SHA256",
                "66fb6c8f9e74a7bf5415d444c607db9a80b70c930155fc24c528e5b2f9d0b5e3",
                "CROSSSELL_SECURITY_APIKEYS_0_ROLES", "reader",
                "CROSSSELL_SECURITY_APIKEYS_1_NAME", "crm",
                "CROSSSELL_SECURITY_APIKEYS_1_SHA256",
                "1837b9e5094490057b5b38e558141361d7aadf7d1f47561b8c1503252e3cb120",
                "CROSSSELL_SECURITY_APIKEYS_1_ROLES", "WRITER,READER",
                "CROSSSELL_SECURITY_APIKEYS_1_REQUESTSPERMINUTE", "600",
                "CROSSSELL_SECURITY_RATELIMIT_REQUESTSPERMINUTE", "120",
                "CROSSSELL_SECURITY_CORS_ALLOWEDORIGINS", "https://a.example,https://b.example",
                "CROSSSELL_SECURITY_GENERATEDEVKEY", "false"));

        assertThat(properties.apiKeys()).hasSize(2);
        assertThat(properties.apiKeys().get(0).name()).isEqualTo("dashboards");
        assertThat(properties.apiKeys().get(0).roles()).containsExactly(ApiKeyRole.READER);
        assertThat(properties.apiKeys().get(1).roles()).containsExactlyInAnyOrder(ApiKeyRole.WRITER,
                ApiKeyRole.READER);
        assertThat(properties.apiKeys().get(1).requestsPerMinute()).isEqualTo(600);
        assertThat(properties.rateLimit().requestsPerMinute()).isEqualTo(120);
        assertThat(properties.cors().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(properties.generateDevKey()).isFalse();
    }

    @Test
    void theDefaultsAreSafe() {
        var properties = bind(Map.of());

        assertThat(properties.apiKeys()).isEmpty();
        assertThat(properties.generateDevKey()).isTrue();
        assertThat(properties.publicApiDocs()).isTrue();
        assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(properties.rateLimit().requestsPerMinute()).isZero();
        assertThat(properties.cors().allowedOrigins()).isEmpty();
    }

    private static SecurityProperties bind(Map<String, Object> environment) {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("crosssell.security", SecurityProperties.class);
    }
}
