-- data_version without a single hot row (issue 7, webhook ingestion; docs/decisions.md).
-- V6 bumped ONE row at the commit of every writing transaction. The row lock is held until the commit's WAL flush
-- ends, so concurrent writers committed one after the other and never shared a flush (group commit): with 32
-- concurrent single-row writers PostgreSQL alone fell from ~1 700 to ~450 transactions/s.
--
-- Now a writer bumps one of 64 slot rows, the first one no concurrent commit holds (FOR UPDATE SKIP LOCKED, starting
-- at its backend's own slot), so commits no longer wait for each other. data_version becomes a view over the slots:
-- version = the sum of the slot counters, i.e. the number of writing transactions committed in the reader's
-- snapshot. PostgreSQL snapshots only grow (a transaction once seen committed is seen by every later snapshot), so
-- two snapshots with the same sum saw the same writes: the ETag changes with every committed write and never names
-- two different data states. changed_at = the latest slot's; it never decreases, but two commits that run
-- concurrently on different slots may leave it unchanged at microsecond distance, which Last-Modified (whole seconds)
-- cannot tell apart anyway.

create table data_version_slot (
    slot       smallint    not null constraint pk_data_version_slot primary key,
    version    bigint      not null,
    changed_at timestamptz not null,
    constraint ck_data_version_slot_range check (slot between 0 and 63)
) with (fillfactor = 20); -- room for HOT updates: the rows are rewritten at every commit

insert into data_version_slot (slot, version, changed_at)
select s, case when s = 0 then v.version else 0 end, v.changed_at
  from generate_series(0, 63) s cross join data_version v;

drop table data_version;

create view data_version as
select sum(version)::bigint as version, max(changed_at) as changed_at from data_version_slot;

create or replace function bump_data_version() returns trigger language plpgsql as $$
declare
    home constant int := pg_backend_pid() % 64;
begin
    -- the first slot from this backend's own that no concurrent commit holds; strictly increasing per slot
    update data_version_slot s
       set version = s.version + 1,
           changed_at = greatest(clock_timestamp(), s.changed_at + interval '1 microsecond')
     where s.slot = (select f.slot from data_version_slot f order by (f.slot + 64 - home) % 64 limit 1
                       for update skip locked);
    if not found then -- more than 64 concurrent commits: wait for this backend's own slot
        update data_version_slot s
           set version = s.version + 1,
               changed_at = greatest(clock_timestamp(), s.changed_at + interval '1 microsecond')
         where s.slot = home;
    end if;
    delete from data_version_pending where txid = new.txid;
    return null;
end
$$;
