package com.example.crosssell.security;

/**
 * What a key may do. Each role includes the ones before it: a WRITER may also read, an ADMIN may do everything.
 */
public enum ApiKeyRole {

    /** GET records and KPIs: dashboards. */
    READER,

    /** READER plus record writes and bulk import: integrations. */
    WRITER,

    /** Everything, including the webhook inbox and the actuator endpoints other than health. */
    ADMIN;

    /** The Spring Security authority of this role. */
    String authority() {
        return "ROLE_" + name();
    }

    /** ADMIN includes WRITER, which includes READER. */
    static String hierarchy() {
        return "ROLE_ADMIN > ROLE_WRITER\nROLE_WRITER > ROLE_READER";
    }
}
