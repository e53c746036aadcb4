-- Tombstones (SPEC §6.4): a CRM delete carrying updatedAt removes the record and leaves its key and updatedAt here,
-- so a late upsert with an older or equal updatedAt does not bring it back. The record rows themselves are gone, so
-- every read (records API, KPIs) ignores deleted records without any filter.
create table customer_tombstone (
    external_id    varchar(128) collate "C" constraint pk_customer_tombstone primary key,
    crm_updated_at timestamptz              not null,
    deleted_at     timestamptz              not null default now()
);

create table opportunity_tombstone (
    external_id    varchar(128) collate "C" constraint pk_opportunity_tombstone primary key,
    crm_updated_at timestamptz              not null,
    deleted_at     timestamptz              not null default now()
);
