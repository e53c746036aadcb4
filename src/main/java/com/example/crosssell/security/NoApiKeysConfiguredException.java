package com.example.crosssell.security;

/** Start-up refusal: no key configured and {@code generate-dev-key=false}; see {@link NoApiKeysFailureAnalyzer}. */
final class NoApiKeysConfiguredException extends IllegalStateException {

    static final String ACTION = """
            Configure at least one key: crosssell.security.api-keys[0].name, .sha256 (hex SHA-256 of the key) and \
            .roles, e.g. the environment variables CROSSSELL_SECURITY_APIKEYS_0_NAME, \
            CROSSSELL_SECURITY_APIKEYS_0_SHA256 and CROSSSELL_SECURITY_APIKEYS_0_ROLES (see docs/security.md). \
            To try the service locally instead, set crosssell.security.generate-dev-key=true.""";

    private static final long serialVersionUID = 1L;

    NoApiKeysConfiguredException() {
        super("No API key is configured and crosssell.security.generate-dev-key is false. " + ACTION);
    }
}
