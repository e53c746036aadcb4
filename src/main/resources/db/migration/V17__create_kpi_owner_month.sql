-- Monthly counts of opportunities per owner, for the company-wide conversion rate by owner (issue #7;
-- docs/kpi-queries.md, "Daily counts"). By-owner over a period sums the whole UTC months inside it here and reads
-- the rest of the period (its partial months and edge days, at most about two months) from opportunity. Owners are
-- too many for daily counts: about 2 000 owners with about one opportunity a day each, so a count per owner and day
-- would be as large as the rows it counts; per month it is some 40 times smaller.
--
-- month = the first day of the UTC month of opened_at (opened, opened_won) or of closed_at (closed, closed_won);
-- owner null = no owner. Kept like kpi_day_count (V11, V14): triggers append signed changes to the delta table,
-- DailyCountFolder moves them, readers sum both tables.

create table kpi_owner_month (
    owner      varchar(128) collate "C",
    month      date   not null,
    opened     bigint not null,
    opened_won bigint not null,
    closed     bigint not null,
    closed_won bigint not null
);

-- a period's months for every owner: one index range; "no owner" is one key (the folder's upsert target)
create unique index ix_kpi_owner_month on kpi_owner_month (month, owner)
    include (opened, opened_won, closed, closed_won) nulls not distinct;

create table kpi_owner_month_delta (like kpi_owner_month);

create index ix_kpi_owner_month_delta on kpi_owner_month_delta (month)
    include (owner, opened, opened_won, closed, closed_won);

alter table kpi_owner_month_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000); -- as V11's delta table

-- The counts a set of opportunity rows contributes, each row signed; %s is that set (as kpi_day_count_changes).
create function kpi_owner_month_changes(sign_and_rows text) returns text language sql immutable as $$
select format($q$
    with r as (%s)
    select owner, month, sum(opened), sum(opened_won), sum(closed), sum(closed_won)
      from (select r.owner, date_trunc('month', r.opened_at at time zone 'UTC')::date as month,
                   r.sign as opened, r.sign * (r.status = 'WON')::int as opened_won, 0 as closed, 0 as closed_won
              from r
            union all
            select r.owner, date_trunc('month', r.closed_at at time zone 'UTC')::date, 0, 0,
                   r.sign, r.sign * (r.status = 'WON')::int
              from r
             where r.closed_at is not null) c
     group by owner, month
    having sum(opened) <> 0 or sum(opened_won) <> 0 or sum(closed) <> 0 or sum(closed_won) <> 0
    $q$, sign_and_rows)
$$;

select write_count_trigger('append_owner_month_changes', 'kpi_owner_month_delta', 'kpi_owner_month_changes');

create trigger tg_opportunity_owner_month_insert after insert on opportunity
    referencing new table as new_rows for each statement execute function append_owner_month_changes();
create trigger tg_opportunity_owner_month_update after update on opportunity
    referencing old table as old_rows new table as new_rows for each statement
    execute function append_owner_month_changes();
create trigger tg_opportunity_owner_month_delete after delete on opportunity
    referencing old table as old_rows for each statement execute function append_owner_month_changes();
create trigger tg_opportunity_owner_month_truncate after truncate on opportunity
    for each statement execute function forget_counts('kpi_owner_month', 'kpi_owner_month_delta');

-- the opportunities already stored
do $$
begin
    execute 'insert into kpi_owner_month ' || kpi_owner_month_changes('select 1 as sign, o.* from opportunity o');
end
$$;

analyze kpi_owner_month;
