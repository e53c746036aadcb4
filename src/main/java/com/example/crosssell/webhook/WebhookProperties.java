package com.example.crosssell.webhook;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CRM webhook settings (docs/crm-config.md).
 *
 * @param secrets Standard Webhooks secrets ({@code whsec_…}, comma-separated; several allow rotation); no default:
 *     without one the endpoint answers 503
 * @param sweepInterval how often pending events are retried (those whose parent arrived without applying them)
 * @param sweepBatch how many pending events one sweep claims at most
 */
@ConfigurationProperties("crosssell.webhooks")
public record WebhookProperties(@Nullable List<String> secrets, @DefaultValue("PT30S") Duration sweepInterval,
        @DefaultValue("100") int sweepBatch) {

    public WebhookProperties {
        secrets = secrets == null ? List.of()
                : secrets.stream().map(String::trim).filter(secret -> !secret.isEmpty()).toList();
    }
}
