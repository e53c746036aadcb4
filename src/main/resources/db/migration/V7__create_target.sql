-- KPI targets (docs/kpis.md, "Targets"): a percentage per KPI and unit (or the whole company: unit_id null),
-- in force from a date until the next target of the same KPI and unit.

create table target (
    id             bigint generated always as identity constraint pk_target primary key,
    kpi            varchar(32)   not null,
    -- a unit's targets go with the unit: they are settings, not records a delete should be refused for
    unit_id        bigint
        constraint fk_target_unit references business_unit (id) on delete cascade,
    effective_from date          not null,
    percent        numeric(9, 2) not null,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    constraint uq_target_kpi_unit_effective_from unique nulls not distinct (kpi, unit_id, effective_from),
    constraint ck_target_kpi check (kpi in ('CROSS_SELL_RATIO', 'CONVERSION_RATE')),
    constraint ck_target_percent check (percent >= 0)
);

create index ix_target_unit on target (unit_id);

-- a target changes what KPI answers carry, so it advances data_version like a record (V6)
create trigger tg_target_data_change after insert or update or delete on target
    for each statement execute function note_data_change();
create trigger tg_target_data_truncate after truncate on target
    for each statement execute function note_data_change();
