package com.example.crosssell.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the inbox sweep every {@code crosssell.webhooks.sweep-interval} (docs/webhooks.md). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(InboxSweeper.class);

    private final CrmWebhookService webhooks;

    InboxSweeper(CrmWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Scheduled(initialDelayString = "${crosssell.webhooks.sweep-interval:PT30S}",
            fixedDelayString = "${crosssell.webhooks.sweep-interval:PT30S}")
    void sweep() {
        int swept = webhooks.sweep();
        if (swept > 0) {
            log.info("Swept {} pending webhook event(s)", swept);
        }
    }
}
