-- Freshness of every KPI answer (docs/kpis.md, "Freshness"; choice and measurements in docs/decisions.md).
-- data_version holds one row: a counter and the instant of the most recent committed write to any record table.
-- Triggers on the tables, not the services, bump it, so every write path (REST, import, webhook, a DBA's SQL)
-- and every kind of write (insert, update, delete, truncate) advances it without the writers knowing.
--
-- The row is updated by a deferred constraint trigger, i.e. at commit, as the writer's last lock: a long import
-- transaction does not hold it for its whole duration, and no writer can wait for it while holding a record lock
-- another writer needs (no deadlock). A statement-level trigger notes "this transaction wrote" once per
-- transaction (a transaction-local setting), so a bulk write costs one bump, not one per row.

create table data_version (
    id         boolean     not null default true constraint pk_data_version primary key,
    version    bigint      not null,
    changed_at timestamptz not null,
    constraint ck_data_version_single_row check (id)
);

insert into data_version (version, changed_at) values (0, clock_timestamp());

-- at most one row per writing transaction, removed again at its commit
create table data_version_pending (
    txid bigint not null constraint pk_data_version_pending primary key
);

create function note_data_change() returns trigger language plpgsql as $$
begin
    if current_setting('crosssell.data_changed', true) is distinct from 'y' then
        perform set_config('crosssell.data_changed', 'y', true);  -- true: reset at the end of the transaction
        insert into data_version_pending (txid) values (txid_current());
    end if;
    return null;
end
$$;

create function bump_data_version() returns trigger language plpgsql as $$
begin
    -- strictly increasing even if two commits read the same clock value: the ETag derives from changed_at
    update data_version
       set version = version + 1,
           changed_at = greatest(clock_timestamp(), changed_at + interval '1 microsecond');
    delete from data_version_pending where txid = new.txid;
    return null;
end
$$;

create constraint trigger tg_data_version_pending_bump after insert on data_version_pending
    deferrable initially deferred for each row execute function bump_data_version();

-- every record table; a table added later gets the same two triggers in its own migration
create trigger tg_business_unit_data_change after insert or update or delete on business_unit
    for each statement execute function note_data_change();
create trigger tg_business_unit_data_truncate after truncate on business_unit
    for each statement execute function note_data_change();
create trigger tg_customer_data_change after insert or update or delete on customer
    for each statement execute function note_data_change();
create trigger tg_customer_data_truncate after truncate on customer
    for each statement execute function note_data_change();
create trigger tg_opportunity_data_change after insert or update or delete on opportunity
    for each statement execute function note_data_change();
create trigger tg_opportunity_data_truncate after truncate on opportunity
    for each statement execute function note_data_change();
