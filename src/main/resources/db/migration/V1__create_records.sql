-- Business units, customers and opportunities (SPEC §2). The database enforces every rule the API validates,
-- so no write path (REST, import, webhook) can store what the API would refuse.
-- Keys and owners use COLLATE "C": code-point order, the same as Java's String.compareTo (SPEC §6.2).

create table business_unit (
    id         bigint generated always as identity constraint pk_business_unit primary key,
    code       varchar(64) collate "C" not null constraint uq_business_unit_code unique,
    name       varchar(200)            not null,
    created_at timestamptz             not null default now(),
    updated_at timestamptz             not null default now(),
    constraint ck_business_unit_code check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
    constraint ck_business_unit_name check (length(name) >= 1)
);

create table customer (
    id             bigint generated always as identity constraint pk_customer primary key,
    external_id    varchar(128) collate "C" not null constraint uq_customer_external_id unique,
    name           varchar(200),
    home_unit_id   bigint                   not null
        constraint fk_customer_home_unit references business_unit (id) on delete restrict,
    customer_since date                     not null,
    segment        varchar(64),
    crm_updated_at timestamptz,
    created_at     timestamptz              not null default now(),
    updated_at     timestamptz              not null default now(),
    constraint ck_customer_external_id check (length(external_id) >= 1 and external_id !~ '[/[:cntrl:]]')
);

create table opportunity (
    id              bigint generated always as identity constraint pk_opportunity primary key,
    external_id     varchar(128) collate "C" not null constraint uq_opportunity_external_id unique,
    customer_id     bigint                   not null
        constraint fk_opportunity_customer references customer (id) on delete restrict,
    product_unit_id bigint                   not null
        constraint fk_opportunity_product_unit references business_unit (id) on delete restrict,
    product         varchar(200),
    owner           varchar(128) collate "C",
    status          varchar(8)               not null,
    opened_at       timestamptz              not null,
    closed_at       timestamptz,
    amount          numeric(19, 4),
    crm_updated_at  timestamptz,
    created_at      timestamptz              not null default now(),
    updated_at      timestamptz              not null default now(),
    constraint ck_opportunity_external_id check (length(external_id) >= 1 and external_id !~ '[/[:cntrl:]]'),
    constraint ck_opportunity_status check (status in ('OPEN', 'WON', 'LOST')),
    -- closedAt present iff the opportunity is closed (WON or LOST)
    constraint ck_opportunity_closed_at check ((status = 'OPEN') = (closed_at is null)),
    constraint ck_opportunity_closed_after_opened check (closed_at >= opened_at),
    constraint ck_opportunity_amount check (amount >= 0)
);

-- Lists and filters (records API) and the KPI query shapes of SPEC §3 (reasoning: docs/kpi-queries.md).
create index ix_customer_home_unit on customer (home_unit_id, customer_since);
create index ix_customer_segment on customer (segment) where segment is not null;
create index ix_opportunity_customer on opportunity (customer_id);
create index ix_opportunity_product_unit on opportunity (product_unit_id);
create index ix_opportunity_owner on opportunity (owner) where owner is not null;
-- numerators: won deals by closing instant (ratio, conversion basis CLOSED)
create index ix_opportunity_closed_at on opportunity (closed_at) include (customer_id, product_unit_id, status)
    where closed_at is not null;
-- conversion cohort: opportunities by opening instant (basis OPENED)
create index ix_opportunity_opened_at on opportunity (opened_at) include (customer_id, product_unit_id, status);
