package com.example.crosssell;

/** The key formats of SPEC §2, shared by the validation annotations, the path variables and the OpenAPI text. */
public final class RecordKeys {

    /** Unit code: 1–64 characters, {@code [A-Za-z0-9][A-Za-z0-9_.-]*}. */
    public static final String UNIT_CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    /** CRM external id: 1–128 characters, no {@code /}, no control characters. */
    public static final String EXTERNAL_ID = "[^/\\p{Cntrl}]{1,128}";

    private RecordKeys() {
    }
}
