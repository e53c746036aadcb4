package com.example.crosssell.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * API keys, rate limit, request limits and CORS ({@code crosssell.security.*}, docs/security.md). Keys are configured
 * only as SHA-256 hashes, so the configuration never holds a usable secret.
 *
 * @param apiKeys the keys that may call the API; env {@code CROSSSELL_SECURITY_APIKEYS_0_NAME} and so on
 * @param generateDevKey with no key configured: {@code true} generates one ADMIN key at start-up and logs it once;
 *     {@code false} refuses to start
 * @param publicApiDocs whether Swagger UI and {@code /v3/api-docs} are open without a key
 * @param maxBodySize largest request body outside the streamed import endpoints; larger ones get 413
 * @param rateLimit the per-key request budget
 * @param cors browser origins allowed to call {@code /api/v1/**}
 */
@ConfigurationProperties("crosssell.security")
@Validated
public record SecurityProperties(List<@Valid ApiKey> apiKeys, @DefaultValue("true") boolean generateDevKey,
        @DefaultValue("true") boolean publicApiDocs, @DefaultValue("1MB") DataSize maxBodySize,
        @Valid @DefaultValue RateLimit rateLimit, @Valid @DefaultValue Cors cors) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * One configured key.
     *
     * @param name who holds it (shown in logs and metrics instead of the key)
     * @param sha256 hex SHA-256 of the key, e.g. {@code printf %s "$KEY" | sha256sum}
     * @param roles one or more of READER, WRITER, ADMIN (comma-separated in a property)
     * @param requestsPerMinute this key's budget, overriding {@code rate-limit.requests-per-minute}; 0 = unlimited
     */
    public record ApiKey(@NotBlank String name,
            @NotNull String sha256,  // checked in ApiKeys, whose message never echoes the value (it may be a key)
            @NotEmpty Set<ApiKeyRole> roles, @Nullable @Min(0) Integer requestsPerMinute) {
    }

    /** @param requestsPerMinute requests each key may make per minute; 0 (the default) switches the limit off */
    public record RateLimit(@DefaultValue("0") @Min(0) int requestsPerMinute) {
    }

    /** @param allowedOrigins e.g. {@code https://dashboards.example.com}; none by default, so browsers are refused */
    public record Cors(List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }
}
