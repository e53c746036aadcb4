package com.example.crosssell;

import org.jspecify.annotations.Nullable;

/** The key formats of SPEC §2, shared by the validation annotations, the path variables and the OpenAPI text. */
public final class RecordKeys {

    /** Unit code: 1–64 characters, {@code [A-Za-z0-9][A-Za-z0-9_.-]*}. */
    public static final String UNIT_CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    /**
     * CRM external id: 1–128 characters, no {@code /}, no control characters: Unicode's Cc (C0, DEL and C1) and the
     * line/paragraph separators, which PostgreSQL's {@code [:cntrl:]} in ck_*_external_id refuses too.
     */
    public static final String EXTERNAL_ID = "[^/\\p{Cc}\\u2028\\u2029]{1,128}";

    /** Free text (names, segments, owners): anything but NUL, which PostgreSQL cannot store in text. */
    public static final String TEXT = "[^\\u0000]*";

    /** The message for {@link #TEXT}. */
    public static final String TEXT_MESSAGE = "must not contain NUL characters";

    /** Optional free text as stored and queried: blank means absent (no {@code ""} owner or segment). */
    public static @Nullable String optionalText(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private RecordKeys() {
    }
}
