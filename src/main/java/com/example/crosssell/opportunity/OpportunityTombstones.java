package com.example.crosssell.opportunity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-key write lock and tombstones of opportunities (SPEC §6.4). Every single-record write takes the key's transaction
 * advisory lock first, so a create racing a create, or an upsert racing a delete, is serialized per key.
 */
@Repository
class OpportunityTombstones {

    private final JdbcClient jdbc;

    OpportunityTombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the key until the transaction ends. */
    void lock(String externalId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('opportunity:' || :key, 0))").param("key", externalId)
                .query((rs, row) -> 1).list();
    }

    Optional<Instant> deletedAt(String externalId) {
        return jdbc.sql("select crm_updated_at from opportunity_tombstone where external_id = :key")
                .param("key", externalId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Leaves (or advances) the tombstone of a deleted opportunity. */
    void bury(String externalId, Instant updatedAt) {
        jdbc.sql("""
                insert into opportunity_tombstone (external_id, crm_updated_at) values (:key, :updatedAt)
                on conflict (external_id) do update
                   set crm_updated_at = greatest(opportunity_tombstone.crm_updated_at, excluded.crm_updated_at),
                       deleted_at = now()
                """).param("key", externalId).param("updatedAt", updatedAt.atOffset(ZoneOffset.UTC)).update();
    }

    void unbury(String externalId) {
        jdbc.sql("delete from opportunity_tombstone where external_id = :key").param("key", externalId).update();
    }

    /**
     * Deletes every opportunity of a customer the CRM deleted (SPEC §6.4), leaving a tombstone for each one stored
     * with an {@code updatedAt}, so a late, older upsert of one of them does not bring it back.
     */
    int buryAllOfCustomer(String customerExternalId) {
        return jdbc.sql("""
                with gone as (
                    delete from opportunity o using customer c
                     where c.id = o.customer_id and c.external_id = :customer
                    returning o.external_id, o.crm_updated_at
                ), buried as (
                    insert into opportunity_tombstone (external_id, crm_updated_at)
                    select external_id, crm_updated_at from gone where crm_updated_at is not null
                    on conflict (external_id) do update
                       set crm_updated_at = greatest(opportunity_tombstone.crm_updated_at, excluded.crm_updated_at),
                           deleted_at = now()
                )
                select count(*) from gone
                """).param("customer", customerExternalId).query(Integer.class).single();
    }
}
