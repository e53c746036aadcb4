package com.example.crosssell;

/** A delete refused because other records still refer to the record (409), as the database's foreign keys decide. */
public class RecordInUseException extends RuntimeException {

    public RecordInUseException(String recordType, String key) {
        super("%s '%s' is still referred to by other records; delete or move those first".formatted(recordType, key));
    }
}
