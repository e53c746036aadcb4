package com.example.crosssell.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that may call the API, held only as SHA-256 hashes. A presented key is hashed and compared with every
 * configured hash in constant time, so neither the answer time nor any log line tells which keys exist.
 */
final class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    /** Printable ASCII without spaces, at most 256 characters: anything else is malformed and never hashed. */
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,256}");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** A configured key as the rest of the package sees it: never the key itself. */
    record KnownKey(String name, Set<ApiKeyRole> roles, int requestsPerMinute) implements Principal {

        @Override
        public String getName() {
            return name;
        }
    }

    private record Entry(byte[] hash, KnownKey key) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The configured keys; with none configured, one generated ADMIN key logged once (when allowed), else a refusal
     * to start.
     */
    static ApiKeys from(SecurityProperties properties, SecureRandom random) {
        int defaultLimit = properties.rateLimit().requestsPerMinute();
        if (!properties.apiKeys().isEmpty()) {
            var entries = properties.apiKeys().stream()
                    .map(key -> new Entry(hash(key),
                            new KnownKey(key.name(), Set.copyOf(key.roles()),
                                    key.requestsPerMinute() == null ? defaultLimit : key.requestsPerMinute())))
                    .toList();
            requireDistinct(entries);
            log.info("API keys configured: {}", entries.stream().map(e -> e.key().name() + " " + e.key().roles())
                    .toList());
            return new ApiKeys(entries);
        }
        if (!properties.generateDevKey()) {
            throw new NoApiKeysConfiguredException();
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var devKey = HexFormat.of().formatHex(bytes);
        // the one deliberate exception to "keys never appear in logs": a throwaway key for trying the API locally
        log.warn("""

                ==================== DEVELOPMENT API KEY (role ADMIN) ====================
                No API key is configured, so this key was generated for this run only:

                    {}

                Send it as 'Authorization: Bearer <key>' or press Authorize in Swagger UI.
                Never use it in production: configure crosssell.security.api-keys and set
                crosssell.security.generate-dev-key=false (docs/security.md).
                ===========================================================================""", devKey);
        return new ApiKeys(List.of(new Entry(sha256(devKey), new KnownKey("dev-key", Set.of(ApiKeyRole.ADMIN),
                defaultLimit))));
    }

    /** The configured hash; a wrong value is reported by key name only, as it might be a key pasted by mistake. */
    private static byte[] hash(SecurityProperties.ApiKey key) {
        if (!SHA256_HEX.matcher(key.sha256()).matches()) {
            throw new IllegalStateException(("crosssell.security.api-keys: the sha256 of key '%s' is not 64 hex "
                    + "digits. Configure the SHA-256 of the key (printf %%s \"$KEY\" | sha256sum), never the key "
                    + "itself.").formatted(key.name()));
        }
        return HexFormat.of().parseHex(key.sha256());
    }

    private static void requireDistinct(List<Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                var a = entries.get(i);
                var b = entries.get(j);
                if (a.key().name().equals(b.key().name()) || MessageDigest.isEqual(a.hash(), b.hash())) {
                    throw new IllegalStateException("API keys '%s' and '%s' have the same name or the same sha256; "
                            .formatted(a.key().name(), b.key().name()) + "give each client its own key and name.");
                }
            }
        }
    }

    /** The configured key matching the presented one, if any; malformed input is rejected without hashing. */
    Optional<KnownKey> find(@Nullable String presented) {
        if (presented == null || !WELL_FORMED.matcher(presented).matches()) {
            return Optional.empty();
        }
        var hash = sha256(presented);
        KnownKey match = null;
        for (var entry : entries) {  // no early exit: every presented key costs the same comparisons
            if (MessageDigest.isEqual(entry.hash(), hash) && match == null) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match);
    }

    List<KnownKey> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
