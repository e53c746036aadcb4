package com.example.crosssell;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-key write lock and tombstones of one record type (SPEC §6.4), over the table {@code <table>_tombstone}. Every
 * single-record write takes the key's transaction advisory lock first, so a create racing a create, or an upsert
 * racing a delete, is serialized per key, also across instances; a bulk import batch takes the whole table's.
 * Each record feature has its own subclass bean.
 * <p>
 * The table's lock has {@link #IMPORT_LANES} slots: an import batch holds its lane's slot exclusively, so batches of
 * different lanes (which never share a key) run side by side, and a single-record writer holds every slot shared,
 * so it waits for any batch and any batch waits for it. The number of slots is fixed, not a setting: every instance
 * must agree on it.
 */
public abstract class RecordTombstones {

    /** The slots of the table's lock: at most this many import batches of one table run side by side. */
    public static final int IMPORT_LANES = 4;

    protected final JdbcClient jdbc;

    private final String table;

    /** {@code table}: the record table's name, a constant of the subclass (never client input). */
    protected RecordTombstones(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Holds the key until the transaction ends, and every slot of the table's lock shared, so writers of different
     * keys run side by side while a bulk import batch ({@link #lockAll}) waits for them, and they for it.
     */
    public void lock(String externalId) {
        jdbc.sql("""
                select (select count(pg_advisory_xact_lock_shared(hashtextextended('%1$s', slot)))
                          from generate_series(0, %2$d) slot),
                       pg_advisory_xact_lock(hashtextextended('%1$s:' || :key, 0))
                """.formatted(table, IMPORT_LANES - 1)).param("key", externalId).query((rs, row) -> 1).list();
    }

    /**
     * Holds every key of the table until the transaction ends: a bulk import batch takes it before its merge, so the
     * merge's snapshot already shows every single-record write and deletion (tombstone) committed before, and none
     * commits while it runs. Without it, a merge that read a record before another instance deleted it inserted
     * the record again after the delete committed. One lock, not one per key: a batch of thousands of keys would
     * fill PostgreSQL's lock table ({@code max_locks_per_transaction}). Batches of other lanes hold other slots and
     * run beside it: lanes never share a key.
     */
    public void lockAll(int lane) {
        if (lane < 0 || lane >= IMPORT_LANES) {
            throw new IllegalArgumentException("import lane " + lane + " outside 0.." + (IMPORT_LANES - 1));
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('%s', %d))".formatted(table, lane))
                .query((rs, row) -> 1).list();
    }

    public Optional<Instant> deletedAt(String externalId) {
        return jdbc.sql("select crm_updated_at from %s_tombstone where external_id = :key".formatted(table))
                .param("key", externalId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Leaves (or advances) the tombstone of a deleted record. */
    public void bury(String externalId, Instant updatedAt) {
        jdbc.sql("""
                insert into %1$s_tombstone (external_id, crm_updated_at) values (:key, :updatedAt)
                on conflict (external_id) do update
                   set crm_updated_at = greatest(%1$s_tombstone.crm_updated_at, excluded.crm_updated_at),
                       deleted_at = now()
                """.formatted(table)).param("key", externalId).param("updatedAt", updatedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void unbury(String externalId) {
        jdbc.sql("delete from %s_tombstone where external_id = :key".formatted(table)).param("key", externalId)
                .update();
    }
}
