package com.example.crosssell;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a create-or-replace did (SPEC §6.4): the same vocabulary for PUT, bulk import and webhooks. A write whose
 * {@code updatedAt} is older than the stored one is {@link #STALE}, an equal one {@link #UNCHANGED}; neither applies.
 * A write without {@code updatedAt}, or onto a record stored without one, always applies.
 */
public enum WriteOutcome {
    CREATED, UPDATED, UNCHANGED, STALE;

    /** What replacing a record stored with version {@code stored} by one carrying {@code incoming} does. */
    public static WriteOutcome ofReplacement(@Nullable Instant stored, @Nullable Instant incoming) {
        if (stored == null || incoming == null) {
            return UPDATED;
        }
        int order = incoming.compareTo(stored);
        return order > 0 ? UPDATED : order == 0 ? UNCHANGED : STALE;
    }

    public boolean applies() {
        return this == CREATED || this == UPDATED;
    }
}
