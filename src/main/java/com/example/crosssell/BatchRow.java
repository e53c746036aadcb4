package com.example.crosssell;

/** One line of a bulk import, validated: its line number, the record's key and the same request record PUT takes. */
public record BatchRow<T>(long line, String key, T values) {
}
