package com.example.crosssell;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Tells a write the database refused because of the data itself (SQLState class 22, data exception, or 23,
 * integrity constraint; it fails again however often it is retried) from one that collided with a concurrent
 * transaction (class 40, serialization failure or deadlock), and says which in words a client understands.
 */
public final class DataErrors {

    private DataErrors() {
    }

    /** The SQLState of the first {@link SQLException} in the cause chain, or {@code null}. */
    public static @Nullable String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Class 22 or 23: the same write fails again; {@code 23503} and {@code 23505} are left out when races count. */
    public static boolean isDataError(Throwable failure, boolean raceStates) {
        var state = sqlState(failure);
        if (state == null) {
            return false;
        }
        if (raceStates && (state.equals("23503") || state.equals("23505"))) {
            return false; // a parent deleted meanwhile, or the same key inserted concurrently
        }
        return state.startsWith("22") || state.startsWith("23");
    }

    /** Class 40: serialization failure, deadlock; the same write may succeed when retried. */
    public static boolean isTransient(Throwable failure) {
        var state = sqlState(failure);
        return state != null && state.startsWith("40");
    }

    /** Why the database refused the values, without echoing them. */
    public static String describe(Throwable failure) {
        var state = sqlState(failure);
        if (state == null) {
            return "the database refused a value";
        }
        return switch (state) {
            case "22021", "22P05" -> "a text value contains a character the database cannot store (NUL, \\u0000)";
            case "22007", "22008" -> "a date or time is outside the range the database can store "
                    + "(4713 BC to 294276 AD)";
            case "22003" -> "a number is outside the range the database can store";
            case "22001" -> "a text value is longer than the database allows";
            case "23503" -> "a record it refers to does not exist (deleted meanwhile?)";
            case "23505" -> "its key collides with another record's";
            case "23514" -> "a value breaks a rule of the stored records (check constraint)";
            default -> "the database refused a value (SQLState " + state + ")";
        };
    }
}
