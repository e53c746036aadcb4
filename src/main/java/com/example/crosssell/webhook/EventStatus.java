package com.example.crosssell.webhook;

/** Where an inbox event stands (docs/webhooks.md). */
public enum EventStatus {
    /** Waits for a record it refers to; applied as soon as that record is stored. */
    PENDING,
    /** Applied to the records. */
    APPLIED,
    /** Acknowledged and recorded, not applied: stale, unchanged, or an unknown type. */
    IGNORED,
    /** Verified but malformed (400). */
    REJECTED
}
