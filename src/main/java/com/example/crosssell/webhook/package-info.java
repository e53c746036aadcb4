/**
 * CRM webhooks (docs/webhooks.md): {@code POST /api/v1/webhooks/crm} verified with Standard Webhooks signatures,
 * the {@code webhook_event} inbox (durable before acknowledged, idempotent by webhook-id), applying events through
 * the record services, pending events applied when their parent is stored, the sweep, and the operators' listing.
 */
@NullMarked
package com.example.crosssell.webhook;

import org.jspecify.annotations.NullMarked;
