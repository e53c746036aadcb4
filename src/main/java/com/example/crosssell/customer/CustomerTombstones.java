package com.example.crosssell.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-key write lock and tombstones of customers (SPEC §6.4). Every single-record write takes the key's transaction
 * advisory lock first, so a create racing a create, or an upsert racing a delete, is serialized per key.
 */
@Repository
class CustomerTombstones {

    private final JdbcClient jdbc;

    CustomerTombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the key until the transaction ends. */
    void lock(String externalId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('customer:' || :key, 0))").param("key", externalId)
                .query((rs, row) -> 1).list();
    }

    Optional<Instant> deletedAt(String externalId) {
        return jdbc.sql("select crm_updated_at from customer_tombstone where external_id = :key")
                .param("key", externalId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Leaves (or advances) the tombstone of a deleted customer. */
    void bury(String externalId, Instant updatedAt) {
        jdbc.sql("""
                insert into customer_tombstone (external_id, crm_updated_at) values (:key, :updatedAt)
                on conflict (external_id) do update
                   set crm_updated_at = greatest(customer_tombstone.crm_updated_at, excluded.crm_updated_at),
                       deleted_at = now()
                """).param("key", externalId).param("updatedAt", updatedAt.atOffset(ZoneOffset.UTC)).update();
    }

    void unbury(String externalId) {
        jdbc.sql("delete from customer_tombstone where external_id = :key").param("key", externalId).update();
    }
}
