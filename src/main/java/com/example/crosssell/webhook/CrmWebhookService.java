package com.example.crosssell.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.example.crosssell.MissingReferenceException;
import com.example.crosssell.RecordsStored;
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

    CrmWebhookService(SignatureVerifier verifier, CrmEventParser parser, InboxProcessor processor, WebhookInbox inbox,
            PlatformTransactionManager transactions, WebhookProperties properties, Clock clock) {
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
        var delivery = verifier.verify(id, timestamp, signature, body);
        if (delivery.webhookId().length() > 256) {
            throw WebhookProblem.badRequest("Invalid webhook-id", "webhook-id must be at most 256 characters.");
        }
        var receipt = storeAndApply(delivery);
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
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> storeAndApplyOnce(delivery, change, malformed));
            }
            catch (TransientDataAccessException | DataIntegrityViolationException
                    | MissingReferenceException ex) {
                if (attempt == ATTEMPTS) {
                    log.warn("Webhook event could not be applied after {} attempts; stored for the sweep", attempt);
                    return transaction.execute(status -> storeForSweep(delivery, change));
                }
                log.debug("Webhook event collided with a concurrent write (attempt {}); retrying", attempt);
            }
        }
    }

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

    private WebhookReceipt storeForSweep(SignatureVerifier.Verified delivery, @Nullable CrmChange change) {
        var now = clock.instant();
        var stored = inbox.store(delivery.webhookId(), change == null ? null : change.type(), delivery.payload(),
                delivery.signedAt(), now);
        if (!stored.duplicate()) {
            var disposition = new Disposition(EventStatus.PENDING,
                    "Could not be applied because of concurrent writes; the sweep retries it.", null, null);
            inbox.record(stored.id(), disposition, now, now);
        }
        return new WebhookReceipt(delivery.webhookId(), EventStatus.PENDING, null, stored.duplicate());
    }

    /** SPEC §6.5: storing a parent (by any write path) applies the events waiting for it, in the same transaction. */
    @EventListener
    void recordsStored(RecordsStored stored) {
        var now = clock.instant();
        for (var event : inbox.claimWaitingFor(stored.type(), stored.keys())) {
            apply(event, now);
        }
    }

    /**
     * Retries pending events that are due, one transaction each, claimed with {@code FOR UPDATE SKIP LOCKED} so that
     * several instances never apply the same event; catches parents stored without applying their events.
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
                log.warn("Applying a pending webhook event failed; it is retried later", ex);
                if (claimed.get() >= 0) {
                    transaction.executeWithoutResult(status -> inbox.postpone(claimed.get(),
                            clock.instant().plus(MAX_RETRY_DELAY)));
                }
                return swept;
            }
            if (!Boolean.TRUE.equals(found)) {
                return swept;
            }
            swept++;
        }
        return swept;
    }

    PagedModel<WebhookEventResponse> events(@Nullable EventStatus status, PageQuery paging) {
        return inbox.page(status, paging.toPageable(Sort.unsorted()));
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
