-- The CRM webhook inbox (SPEC §6.5, docs/webhooks.md): every verified delivery is stored here, raw, before it is
-- acknowledged; webhook_id (the Standard Webhooks message id) makes redeliveries idempotent.
create table webhook_event (
    id              bigint generated always as identity constraint pk_webhook_event primary key,
    webhook_id      varchar(256) collate "C" not null constraint uq_webhook_event_webhook_id unique,
    event_type      varchar(100),
    status          varchar(8)               not null,
    reason          text,
    payload         text                     not null,
    signed_at       timestamptz              not null,
    received_at     timestamptz              not null,
    applied_at      timestamptz,
    deliveries      integer                  not null default 1,
    attempts        integer                  not null default 0,
    -- the record a PENDING event waits for: storing it applies the event
    waits_for_type  varchar(16),
    waits_for_key   varchar(128) collate "C",
    next_attempt_at timestamptz,
    constraint ck_webhook_event_status check (status in ('PENDING', 'APPLIED', 'IGNORED', 'REJECTED')),
    constraint ck_webhook_event_waits_for check (waits_for_type in ('UNIT', 'CUSTOMER', 'OPPORTUNITY'))
);

-- the operators' listing (newest first, per status)
create index ix_webhook_event_status on webhook_event (status, id);
-- a stored parent finds the events waiting for it
create index ix_webhook_event_waiting on webhook_event (waits_for_type, waits_for_key) where status = 'PENDING';
-- the sweep claims due pending events
create index ix_webhook_event_due on webhook_event (next_attempt_at) where status = 'PENDING';
