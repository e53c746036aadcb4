package com.example.crosssell;

import java.util.Collection;

/**
 * Published (synchronously, inside the writing transaction) whenever records were created or replaced, by any write
 * path: PUT, bulk import or webhook. The webhook inbox listens, so storing a parent applies the events waiting for it.
 */
public record RecordsStored(RecordType type, Collection<String> keys) {
}
