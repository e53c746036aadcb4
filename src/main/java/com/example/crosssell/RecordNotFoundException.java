package com.example.crosssell;

/** A record named in the request does not exist (404): "Unit 'WEA2' does not exist". */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String recordType, String key) {
        super("%s '%s' does not exist".formatted(recordType, key));
    }
}
