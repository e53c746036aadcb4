package com.example.crosssell;

/** A write refers to a unit or customer that does not exist (422); {@link #field()} names the request field. */
public class MissingReferenceException extends RuntimeException {

    private final String field;

    public MissingReferenceException(String field, String key) {
        super("%s '%s' does not exist".formatted(field, key));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
