package com.example.crosssell;

/** The record as stored after a create-or-replace, and what the write did. */
public record Upserted<T>(T record, WriteOutcome outcome) {

    public boolean created() {
        return outcome == WriteOutcome.CREATED;
    }
}
