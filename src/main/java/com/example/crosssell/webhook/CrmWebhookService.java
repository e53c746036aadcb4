package com.example.crosssell.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.example.crosssell.DataErrors;
import com.example.crosssell.MissingReferenceException;
import com.example.crosssell.RecordsStored;
import com.example.crosssell.metrics.IntegrationMetrics;
import com.example.crosssell.web.PageQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receiving CRM events (docs/webhooks.md): a verified event is stored in the inbox and applied in the same
 * transaction when every record it refers to exists, so the 2xx means the records already show it; otherwise it is
 * stored PENDING and applied when that record is stored ({@link #recordsStored}) or by the {@link #sweep}.
 */
@Service
public class CrmWebhookService {

    private static final Logger log = LoggerFactory.getLogger(CrmWebhookService.class);

    /** Attempts of one delivery's transaction when it collides with a concurrent one (deadlock, unique race). */
    private static final int ATTEMPTS = 5;

    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(10);

    private final SignatureVerifier verifier;

    private final CrmEventParser parser;

    private final InboxProcessor processor;

    private final WebhookInbox inbox;

    private final TransactionTemplate transaction;

    private final WebhookProperties properties;

    private final Clock clock;

    private final IntegrationMetrics metrics;

    /** Its own transaction even inside another one, or after another one committed. */
    private final TransactionTemplate separately;

    CrmWebhookService(SignatureVerifier verifier, CrmEventParser parser, InboxProcessor processor, WebhookInbox inbox,
            PlatformTransactionManager transactions, WebhookProperties properties, Clock clock,
            IntegrationMetrics metrics) {
        this.metrics = metrics;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.verifier = verifier;
        this.parser = parser;
        this.processor = processor;
        this.inbox = inbox;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Verifies, stores and (when possible) applies one delivery; 401/400/503 problems as documented. */
    WebhookReceipt receive(@Nullable String id, @Nullable String timestamp, @Nullable String signature, byte[] body) {
        SignatureVerifier.Verified delivery;
        try {
            delivery = verifier.verify(id, timestamp, signature, body);
        }
        catch (WebhookProblem ex) {
            if (ex.getStatusCode().value() == 401) {
                metrics.webhookEvent(Refused.UNAUTHORIZED);
            }
            else if (ex.getStatusCode().value() == 400) {
                metrics.webhookEvent(EventStatus.REJECTED);
            }
            throw ex;
        }
        if (delivery.webhookId().length() > 256) {
            metrics.webhookEvent(EventStatus.REJECTED);
            throw WebhookProblem.badRequest("Invalid webhook-id", "webhook-id must be at most 256 characters.");
        }
        var receipt = storeAndApply(delivery);
        metrics.webhookEvent(receipt.duplicate() ? Refused.DUPLICATE : receipt.status());
        if (receipt.status() == EventStatus.REJECTED) {
            throw WebhookProblem.badRequest("Malformed event", receipt.reason() == null ? "Malformed event."
                    : receipt.reason()).with("webhookId", receipt.webhookId());
        }
        return receipt;
    }

    private WebhookReceipt storeAndApply(SignatureVerifier.Verified delivery) {
        CrmChange parsed;
        String problem;
        try {
            parsed = parser.parse(delivery.payload());
            problem = null;
        }
        catch (CrmEventParser.MalformedEventException ex) {
            parsed = null;
            problem = ex.getMessage();
        }
        var change = parsed;
        var malformed = problem;
        var firstDelivery = true;
        for (int attempt = 1; ; attempt++) {
            try {
                var first = firstDelivery;
                return transaction.execute(status -> first ? applyAndStore(delivery, change, malformed)
                        : storeAndApplyOnce(delivery, change, malformed));
            }
            catch (AlreadyStored ex) { // a redelivery: rolled back, now counted without applying it again
                firstDelivery = false;
                attempt--;
            }
            catch (RuntimeException ex) {
                if (DataErrors.isDataError(ex, true)) { // fails again however often it is retried: 400, REJECTED
                    log.info("A webhook event was refused by the database: {}", DataErrors.describe(ex));
                    return storeRejected(delivery, change, refused(ex));
                }
                if (!isRace(ex)) {
                    throw ex;
                }
                if (attempt == ATTEMPTS) {
                    log.warn("Webhook event could not be applied after {} attempts; stored for the sweep", attempt);
                    return transaction.execute(status -> storeSettled(delivery, change, new Disposition(
                            EventStatus.PENDING, "Could not be applied because of concurrent writes; the sweep "
                                    + "retries it.", null, null)));
                }
                log.debug("Webhook event collided with a concurrent write (attempt {}); retrying", attempt);
            }
        }
    }

    /**
     * The common case, a first delivery: applies the event, then stores it with the outcome in one statement. A
     * webhook-id already stored throws {@link AlreadyStored}, so what was applied is rolled back and never counts twice.
     */
    private WebhookReceipt applyAndStore(SignatureVerifier.Verified delivery, @Nullable CrmChange change,
            @Nullable String malformed) {
        var now = clock.instant();
        var disposition = malformed != null ? Disposition.rejected(malformed) : processor.apply(change);
        if (!inbox.storeSettled(delivery.webhookId(), change == null ? null : change.type(), delivery.payload(),
                delivery.signedAt(), now, disposition, retryAt(disposition, 1, now))) {
            throw new AlreadyStored();
        }
        return new WebhookReceipt(delivery.webhookId(), disposition.status(), disposition.reason(), false);
    }

    /** A redelivery: counted on the stored event, and applied only if that was not stored after all. */
    private WebhookReceipt storeAndApplyOnce(SignatureVerifier.Verified delivery, @Nullable CrmChange change,
            @Nullable String malformed) {
        var now = clock.instant();
        var stored = inbox.store(delivery.webhookId(), change == null ? null : change.type(), delivery.payload(),
                delivery.signedAt(), now);
        if (stored.duplicate()) {
            return new WebhookReceipt(delivery.webhookId(), stored.status(), stored.reason(), true);
        }
        var disposition = malformed != null ? Disposition.rejected(malformed) : processor.apply(change);
        inbox.record(stored.id(), disposition, now, retryAt(disposition, 1, now));
        return new WebhookReceipt(delivery.webhookId(), disposition.status(), disposition.reason(), false);
    }

    /** Records the delivery REJECTED; when even its raw payload cannot be stored (a NUL byte), 400 unstored. */
    private WebhookReceipt storeRejected(SignatureVerifier.Verified delivery, @Nullable CrmChange change,
            String reason) {
        try {
            return transaction.execute(status -> storeSettled(delivery, change, Disposition.rejected(reason)));
        }
        catch (RuntimeException ex) {
            if (!DataErrors.isDataError(ex, true)) {
                throw ex;
            }
            metrics.webhookEvent(EventStatus.REJECTED);
            throw WebhookProblem.badRequest("Malformed event", "The body cannot be stored: "
                    + DataErrors.describe(ex) + ". Nothing was stored.");
        }
    }

    /** Stores a delivery whose application failed with what became of it (a pending one is due at once). */
    private WebhookReceipt storeSettled(SignatureVerifier.Verified delivery, @Nullable CrmChange change,
            Disposition disposition) {
        var now = clock.instant();
        var stored = inbox.store(delivery.webhookId(), change == null ? null : change.type(), delivery.payload(),
                delivery.signedAt(), now);
        if (stored.duplicate()) {
            return new WebhookReceipt(delivery.webhookId(), stored.status(), stored.reason(), true);
        }
        inbox.record(stored.id(), disposition, now, disposition.status() == EventStatus.PENDING ? now : null);
        return new WebhookReceipt(delivery.webhookId(), disposition.status(), disposition.reason(), false);
    }

    /**
     * SPEC §6.5: storing a parent (by any write path) applies the events waiting for it, as soon as the parent's
     * transaction commits, each in a transaction of its own: a waiting event the database refuses is recorded
     * REJECTED and can neither roll back nor block its parent (Hibernate offers no savepoints to
     * {@code JpaTransactionManager}, and a failure inside a participating {@code @Transactional} service marks the
     * whole transaction rollback-only). Should the service stop in between, the sweep applies them.
     */
    @EventListener
    void recordsStored(RecordsStored stored) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            applyWaiting(separately.execute(status -> inbox.waitingFor(stored.type(), stored.keys())));
            return;
        }
        // looked up in the parent's transaction: nothing more to do, and no other connection, when nothing waits
        var waiting = inbox.waitingFor(stored.type(), stored.keys());
        if (waiting.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                applyWaiting(waiting);
            }
        });
    }

    private void applyWaiting(@Nullable List<Long> waiting) {
        for (var id : waiting == null ? List.<Long>of() : waiting) {
            try {
                separately.executeWithoutResult(status -> inbox.claimPending(id)
                        .ifPresent(event -> apply(event, clock.instant())));
            }
            catch (RuntimeException ex) {
                settleFailed(id, ex);
            }
        }
    }

    /**
     * Retries pending events that are due, one transaction each, claimed with {@code FOR UPDATE SKIP LOCKED} so that
     * several instances never apply the same event; catches parents stored without applying their events. An event
     * that fails is recorded REJECTED (the database refuses its data) or put off, and the sweep goes on.
     *
     * @return how many events were retried
     */
    public int sweep() {
        int swept = 0;
        while (swept < properties.sweepBatch()) {
            var claimed = new AtomicLong(-1);
            Boolean found;
            try {
                found = transaction.execute(status -> inbox.claimDue(clock.instant()).map(event -> {
                    claimed.set(event.id());
                    return apply(event, clock.instant());
                }).isPresent());
            }
            catch (RuntimeException ex) {
                if (claimed.get() < 0) {
                    log.warn("Claiming a pending webhook event failed; the sweep stops until its next run", ex);
                    return swept;
                }
                settleFailed(claimed.get(), ex);
                swept++;
                continue;
            }
            if (!Boolean.TRUE.equals(found)) {
                return swept;
            }
            swept++;
        }
        return swept;
    }

    /** A waiting event failed to apply: REJECTED when the database refuses its data, else retried later. */
    private void settleFailed(long id, RuntimeException failure) {
        try {
            if (DataErrors.isDataError(failure, true)) {
                log.info("A pending webhook event was refused by the database: {}", DataErrors.describe(failure));
                separately.executeWithoutResult(status -> inbox.record(id,
                        Disposition.rejected(refused(failure)), clock.instant(), null));
            }
            else if (isRace(failure)) {
                log.debug("A pending webhook event collided with a concurrent write; the next sweep retries it");
                separately.executeWithoutResult(status -> inbox.postpone(id,
                        clock.instant().plus(properties.sweepInterval())));
            }
            else {
                log.warn("Applying a pending webhook event failed; it is retried later", failure);
                separately.executeWithoutResult(status -> inbox.postpone(id, clock.instant().plus(MAX_RETRY_DELAY)));
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not record the failure of a pending webhook event; the sweep retries it", ex);
        }
    }

    /** A collision with a concurrent transaction (deadlock, serialization, unique race, parent deleted meanwhile). */
    private static boolean isRace(RuntimeException failure) {
        return failure instanceof TransientDataAccessException || failure instanceof DataIntegrityViolationException
                || failure instanceof MissingReferenceException || DataErrors.isTransient(failure);
    }

    private static String refused(RuntimeException failure) {
        return "The database refused the event's data: " + DataErrors.describe(failure) + ".";
    }

    PagedModel<WebhookEventResponse> events(@Nullable EventStatus status, PageQuery paging) {
        return inbox.page(status, paging.toPageable(Sort.unsorted()));
    }

    /** The webhook-id of the delivery being applied is already stored: roll back, it is a redelivery. */
    private static final class AlreadyStored extends RuntimeException {

        AlreadyStored() {
            super(null, null, false, false);
        }
    }

    /** Outcomes of deliveries that have no inbox status. */
    private enum Refused {
        /** A redelivery of a stored event, not applied again. */
        DUPLICATE,
        /** Missing or invalid signature headers; nothing stored. */
        UNAUTHORIZED
    }

    private Disposition apply(WebhookInbox.Claimed event, Instant now) {
        Disposition disposition;
        try {
            disposition = processor.apply(parser.parse(event.payload()));
        }
        catch (CrmEventParser.MalformedEventException ex) {
            disposition = Disposition.rejected(ex.getMessage());
        }
        inbox.record(event.id(), disposition, now, retryAt(disposition, event.attempts() + 1, now));
        return disposition;
    }

    /** Pending events are retried with a growing delay: the interval, twice it, four times… at most 10 minutes. */
    private @Nullable Instant retryAt(Disposition disposition, int attempts, Instant now) {
        if (disposition.status() != EventStatus.PENDING) {
            return null;
        }
        var delay = properties.sweepInterval().multipliedBy(1L << Math.min(attempts - 1, 10));
        return now.plus(delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay);
    }
}
