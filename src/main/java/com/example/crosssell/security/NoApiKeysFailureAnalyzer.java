package com.example.crosssell.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the start-up refusal into Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class NoApiKeysFailureAnalyzer extends AbstractFailureAnalyzer<NoApiKeysConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoApiKeysConfiguredException cause) {
        return new FailureAnalysis("No API key is configured and crosssell.security.generate-dev-key is false, "
                + "so the service would refuse every call.", NoApiKeysConfiguredException.ACTION, cause);
    }
}
