package com.example.crosssell;

import java.time.Instant;

/**
 * A PUT onto a record the CRM deleted (a tombstone, SPEC §6.4) whose {@code updatedAt} is not newer than the
 * deletion's (409): the record stays deleted. A PUT without {@code updatedAt}, or with a newer one, recreates it.
 */
public class RecordDeletedException extends RuntimeException {

    public RecordDeletedException(String recordType, String key, Instant deletedAt) {
        super(("%s '%s' was deleted by the CRM with updatedAt %s; only a write with a newer updatedAt (or none) "
                + "brings it back").formatted(recordType, key, deletedAt));
    }
}
