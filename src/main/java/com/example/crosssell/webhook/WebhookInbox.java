package com.example.crosssell.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.example.crosssell.RecordType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_event} table: storing deliveries, recording what became of them, claiming pending ones. */
@Repository
class WebhookInbox {

    private final JdbcClient jdbc;

    WebhookInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a delivery as PENDING (until {@link #record}), or counts a redelivery of a known webhook-id: then the
     * stored event comes back with {@code duplicate} set. A concurrent first delivery of the same id is waited for.
     */
    Stored store(String webhookId, @Nullable String type, String payload, Instant signedAt, Instant now) {
        return jdbc.sql("""
                insert into webhook_event as e (webhook_id, event_type, status, payload, signed_at, received_at)
                values (:webhookId, :type, 'PENDING', :payload, :signedAt, :now)
                on conflict (webhook_id) do update set deliveries = e.deliveries + 1
                returning e.id, xmax <> 0 as duplicate, e.status, e.reason
                """).param("webhookId", webhookId).param("type", type).param("payload", payload)
                .param("signedAt", utc(signedAt)).param("now", utc(now))
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getBoolean("duplicate"),
                        EventStatus.valueOf(rs.getString("status")), rs.getString("reason")))
                .single();
    }

    /**
     * Stores a first delivery together with what applying it came to, in one statement (no PENDING row to update
     * right after). False, storing nothing, when the webhook-id is already stored: the caller must then roll back what
     * it applied. A concurrent first delivery of the same id is waited for.
     */
    boolean storeSettled(String webhookId, @Nullable String type, String payload, Instant signedAt, Instant now,
            Disposition disposition, @Nullable Instant retryAt) {
        return jdbc.sql("""
                insert into webhook_event (webhook_id, event_type, status, reason, payload, signed_at, received_at,
                                           applied_at, attempts, waits_for_type, waits_for_key, next_attempt_at)
                values (:webhookId, :type, :status, :reason, :payload, :signedAt, :now, :appliedAt, 1, :waitsForType,
                        :waitsForKey, :retryAt)
                on conflict (webhook_id) do nothing
                """).param("webhookId", webhookId).param("type", type).param("status", disposition.status().name())
                .param("reason", disposition.reason()).param("payload", payload).param("signedAt", utc(signedAt))
                .param("now", utc(now))
                .param("appliedAt", disposition.status() == EventStatus.APPLIED ? utc(now) : null)
                .param("waitsForType", disposition.waitsForType() == null ? null : disposition.waitsForType().name())
                .param("waitsForKey", disposition.waitsForKey())
                .param("retryAt", retryAt == null ? null : utc(retryAt)).update() == 1;
    }

    /** Records what applying the event came to; a pending event is retried by the sweep after {@code retryAt}. */
    void record(long id, Disposition disposition, Instant now, @Nullable Instant retryAt) {
        jdbc.sql("""
                update webhook_event
                   set status = :status, reason = :reason, waits_for_type = :waitsForType,
                       waits_for_key = :waitsForKey, attempts = attempts + 1,
                       applied_at = case when :status = 'APPLIED' then cast(:now as timestamptz) end,
                       next_attempt_at = :retryAt
                 where id = :id
                """).param("id", id).param("status", disposition.status().name())
                .param("reason", disposition.reason())
                .param("waitsForType", disposition.waitsForType() == null ? null : disposition.waitsForType().name())
                .param("waitsForKey", disposition.waitsForKey()).param("now", utc(now))
                .param("retryAt", retryAt == null ? null : utc(retryAt)).update();
    }

    /** Puts off a pending event whose application failed unexpectedly, so it does not block the sweep. */
    void postpone(long id, Instant retryAt) {
        jdbc.sql("update webhook_event set attempts = attempts + 1, next_attempt_at = :retryAt where id = :id")
                .param("id", id).param("retryAt", utc(retryAt)).update();
    }

    /** The ids of the pending events waiting for one of these records, oldest first. */
    List<Long> waitingFor(RecordType type, Collection<String> keys) {
        return jdbc.sql("""
                select id from webhook_event
                 where status = 'PENDING' and waits_for_type = :type and waits_for_key = any(:keys)
                 order by id
                """).param("type", type.name()).param("keys", keys.toArray(String[]::new))
                .query(Long.class).list();
    }

    /** This event if it is still pending, locked for this transaction (empty when another one holds it). */
    Optional<Claimed> claimPending(long id) {
        return jdbc.sql("""
                select id, payload, attempts from webhook_event
                 where id = :id and status = 'PENDING'
                   for update skip locked
                """).param("id", id).query(WebhookInbox::claimed).optional();
    }

    /** The oldest pending event due for a retry, locked for this transaction; several instances never share one. */
    Optional<Claimed> claimDue(Instant now) {
        return jdbc.sql("""
                select id, payload, attempts from webhook_event
                 where status = 'PENDING' and next_attempt_at <= :now
                 order by next_attempt_at, id
                 limit 1
                   for update skip locked
                """).param("now", utc(now)).query(WebhookInbox::claimed).optional();
    }

    PagedModel<WebhookEventResponse> page(@Nullable EventStatus status, Pageable page) {
        var statusName = status == null ? null : status.name();
        var content = jdbc.sql("""
                select webhook_id, event_type, status, reason, waits_for_type, waits_for_key, received_at,
                       applied_at, deliveries, attempts
                  from webhook_event
                 where cast(:status as text) is null or status = :status
                 order by id desc
                 limit :limit offset :offset
                """).param("status", statusName).param("limit", page.getPageSize())
                .param("offset", page.getOffset()).query(WebhookInbox::response).list();
        long total = jdbc.sql("""
                select count(*) from webhook_event where cast(:status as text) is null or status = :status""")
                .param("status", statusName).query(Long.class).single();
        return new PagedModel<>(new PageImpl<>(content, page, total));
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(rs.getLong("id"), rs.getString("payload"), rs.getInt("attempts"));
    }

    private static WebhookEventResponse response(ResultSet rs, int row) throws SQLException {
        var waitsForType = rs.getString("waits_for_type");
        return new WebhookEventResponse(rs.getString("webhook_id"), rs.getString("event_type"),
                EventStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                waitsForType == null ? null : new WebhookEventResponse.WaitsFor(RecordType.valueOf(waitsForType),
                        rs.getString("waits_for_key")),
                instant(rs, "received_at"), instant(rs, "applied_at"), rs.getInt("deliveries"),
                rs.getInt("attempts"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A delivery as stored: {@code duplicate} when the webhook-id was already known. */
    record Stored(long id, boolean duplicate, EventStatus status, @Nullable String reason) {
    }

    /** A pending event claimed by this transaction. */
    record Claimed(long id, String payload, int attempts) {
    }
}
