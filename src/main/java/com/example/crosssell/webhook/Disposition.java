package com.example.crosssell.webhook;

import com.example.crosssell.RecordType;
import org.jspecify.annotations.Nullable;

/** What applying an event came to: its new status, why (when not applied) and, when pending, what it waits for. */
record Disposition(EventStatus status, @Nullable String reason, @Nullable RecordType waitsForType,
        @Nullable String waitsForKey) {

    static Disposition applied() {
        return new Disposition(EventStatus.APPLIED, null, null, null);
    }

    static Disposition applied(String note) {
        return new Disposition(EventStatus.APPLIED, note, null, null);
    }

    static Disposition ignored(String reason) {
        return new Disposition(EventStatus.IGNORED, reason, null, null);
    }

    static Disposition rejected(String reason) {
        return new Disposition(EventStatus.REJECTED, reason, null, null);
    }

    static Disposition waitingFor(RecordType type, String field, String key) {
        return new Disposition(EventStatus.PENDING, "%s '%s' does not exist yet; applied as soon as it is stored"
                .formatted(field, key), type, key);
    }
}
