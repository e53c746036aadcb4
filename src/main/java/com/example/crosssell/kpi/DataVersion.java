package com.example.crosssell.kpi;

import java.time.Instant;

/**
 * The data version a KPI answer was computed from (V6__create_data_version.sql): {@code asOf} is the commit instant
 * of the most recent write to any record or target table, strictly increasing, so it also names the version.
 */
record DataVersion(long version, Instant asOf) {

    /** A weak ETag: the version and the definition version (so a settings change also invalidates caches). */
    String etag(String definitionVersion) {
        return "W/\"" + version + "-" + definitionVersion + "\"";
    }
}
