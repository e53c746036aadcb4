package com.example.crosssell.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.example.crosssell.security.SecurityProperties.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

@ExtendWith(OutputCaptureExtension.class)
class ApiKeysTests {

    private static final String KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private static final String OTHER = "k-2";

    @Test
    void aConfiguredKeyIsFoundByItsExactValueOnly() {
        var keys = ApiKeys.from(properties(List.of(key("dashboards", KEY, ApiKeyRole.READER, null),
                key("crm", OTHER, ApiKeyRole.WRITER, 5)), true, 0), new SecureRandom());

        assertThat(keys.find(KEY)).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("dashboards");
            assertThat(found.roles()).containsExactly(ApiKeyRole.READER);
            assertThat(found.requestsPerMinute()).isZero();
        });
        assertThat(keys.find(OTHER)).hasValueSatisfying(found -> assertThat(found.requestsPerMinute()).isEqualTo(5));
        assertThat(keys.find(KEY.substring(1))).isEmpty();
        assertThat(keys.find(KEY.toUpperCase())).isEmpty();
        assertThat(keys.find(KEY + "0")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "tab\tinside", "ünïcode"})
    void malformedKeysAreNeverFound(String presented) {
        var keys = ApiKeys.from(properties(List.of(key("any", presented, ApiKeyRole.ADMIN, null)), false, 0),
                new SecureRandom());

        assertThat(keys.find(presented)).isEmpty();
    }

    @Test
    void anOverlongKeyIsMalformed() {
        var overlong = "x".repeat(257);
        var keys = ApiKeys.from(properties(List.of(key("any", overlong, ApiKeyRole.ADMIN, null)), false, 0),
                new SecureRandom());

        assertThat(keys.find(overlong)).isEmpty();
        assertThat(keys.find(null)).isEmpty();
    }

    @Test
    void upperCaseHexHashesAreAccepted() {
        var upper = new ApiKey("ops", hex(KEY).toUpperCase(), Set.of(ApiKeyRole.ADMIN), null);

        var keys = ApiKeys.from(properties(List.of(upper), false, 0), new SecureRandom());

        assertThat(keys.find(KEY)).hasValueSatisfying(found -> assertThat(found.name()).isEqualTo("ops"));
    }

    @Test
    void theGlobalRateLimitAppliesUnlessTheKeyOverridesIt() {
        var keys = ApiKeys.from(properties(List.of(key("a", KEY, ApiKeyRole.READER, null),
                key("b", OTHER, ApiKeyRole.READER, 0)), false, 60), new SecureRandom());

        assertThat(keys.find(KEY).orElseThrow().requestsPerMinute()).isEqualTo(60);
        assertThat(keys.find(OTHER).orElseThrow().requestsPerMinute()).isZero();
    }

    @Test
    void twoKeysWithTheSameHashAreRefusedWithoutShowingTheHash() {
        var a = key("a", KEY, ApiKeyRole.READER, null);
        var b = key("b", KEY, ApiKeyRole.ADMIN, null);

        assertThatIllegalStateException().isThrownBy(() -> ApiKeys.from(properties(List.of(a, b), false, 0),
                new SecureRandom())).withMessageContaining("'a' and 'b'").withMessageNotContaining(hex(KEY));
    }

    @Test
    void aHashThatIsNotSha256HexIsRefusedWithoutEchoingIt() {
        var pasted = new ApiKey("crm", "plain-key-pasted-by-mistake", Set.of(ApiKeyRole.WRITER), null);

        assertThatIllegalStateException().isThrownBy(() -> ApiKeys.from(properties(List.of(pasted), false, 0),
                new SecureRandom())).withMessageContaining("the sha256 of key 'crm' is not 64 hex digits")
                .withMessageNotContaining("plain-key-pasted-by-mistake");
    }

    @Test
    void withNoKeyConfiguredOneAdminKeyIsGeneratedAndLoggedOnce(CapturedOutput output) {
        var keys = ApiKeys.from(properties(List.of(), true, 0), new SecureRandom());

        var logged = Pattern.compile("\\n\\s+([0-9a-f]{64})\\n").matcher(output.getOut());
        assertThat(logged.find()).as("the generated key is logged").isTrue();
        var devKey = logged.group(1);
        assertThat(logged.find()).as("logged only once").isFalse();
        assertThat(output.getOut()).contains("DEVELOPMENT API KEY (role ADMIN)");
        assertThat(keys.find(devKey)).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("dev-key");
            assertThat(found.roles()).containsExactly(ApiKeyRole.ADMIN);
        });
    }

    @Test
    void withNoKeyConfiguredAndNoDevKeyAllowedTheServiceRefusesToStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ApiKeys.from(properties(List.of(), false, 0), new SecureRandom()))
                .withMessageContaining("No API key is configured")
                .withMessageContaining("CROSSSELL_SECURITY_APIKEYS_0_SHA256");
    }

    @Test
    void configuredKeysAreLoggedByNameAndRoleOnly(CapturedOutput output) {
        ApiKeys.from(properties(List.of(key("dashboards", KEY, ApiKeyRole.READER, null)), true, 0),
                new SecureRandom());

        assertThat(output.getOut()).contains("dashboards [READER]").doesNotContain(KEY).doesNotContain(hex(KEY))
                .doesNotContain("DEVELOPMENT API KEY");
    }

    static ApiKey key(String name, String key, ApiKeyRole role, Integer requestsPerMinute) {
        return new ApiKey(name, hex(key), Set.of(role), requestsPerMinute);
    }

    static String hex(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    static SecurityProperties properties(List<ApiKey> keys, boolean generateDevKey, int requestsPerMinute) {
        return new SecurityProperties(keys, generateDevKey, true, DataSize.ofMegabytes(1),
                new SecurityProperties.RateLimit(requestsPerMinute), new SecurityProperties.Cors(List.of()));
    }
}
