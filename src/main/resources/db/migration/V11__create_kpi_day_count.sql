-- Daily per-unit counts of opportunities (issue #7; design, exactness argument and plans: docs/kpi-queries.md,
-- "Daily counts"). A KPI over a long period sums whole UTC days here and reads only the partial days at its two
-- edges (and the rare "late" cross-sales below) from opportunity, so its cost no longer grows with the period.
--
-- Key: role 'H' = the customer's home unit, 'P' = the product unit, 'C' = the whole company (unit_id 0); day = the UTC day of opened_at (columns opened,
-- opened_won) or of closed_at (closed, closed_won, cross_sold). cross_sold counts WON deals with product unit <> home
-- unit whose customer joined before that UTC day ("settled"): such a deal's customer is in the base of every period
-- that contains its closing instant, in any zone (a zone's local date is at least the UTC date - 1, and the
-- period's last day is at least that local date). A deal closed on or after its customer's joining day is "late":
-- it is never counted here and KPIs read it from opportunity (ix_opportunity_late_cross_sold).
--
-- Writers never update these rows: triggers append signed changes to kpi_day_count_delta (no lock, no deadlock,
-- whatever runs concurrently), and a job folds them into kpi_day_count (KpiDayCountCompactor, one instance at a
-- time by an advisory lock). Readers sum both tables in one snapshot, so an answer is exact whether or not the
-- job has run: a write acknowledged by the API is in the very next KPI call.

create table kpi_day_count (
    role       char(1) not null,
    unit_id    bigint  not null,
    day        date    not null,
    opened     bigint  not null,
    opened_won bigint  not null,
    closed     bigint  not null,
    closed_won bigint  not null,
    cross_sold bigint  not null,
    constraint pk_kpi_day_count primary key (role, unit_id, day)
        include (opened, opened_won, closed, closed_won, cross_sold),
    constraint ck_kpi_day_count_role check (role in ('H', 'P', 'C'))
);

-- every unit's rows of a period (by-unit): one range of days
create index ix_kpi_day_count_day on kpi_day_count (role, day)
    include (unit_id, opened, opened_won, closed, closed_won, cross_sold);

create table kpi_day_count_delta (like kpi_day_count);

create index ix_kpi_day_count_delta on kpi_day_count_delta (role, unit_id, day);

-- Folding deletes every change row it moves: vacuum the delta table after a few thousand dead rows rather than a
-- fraction of the table, so that readers' index scans over it do not wade through the rows a bulk import left.
alter table kpi_day_count_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);

-- The counts a set of opportunity rows contributes, each row signed (+1 added, -1 removed); %s is that set.
create function kpi_day_count_changes(sign_and_rows text) returns text language sql immutable as $$
select format($q$
    with r as (%s)
    select role, unit_id, day, sum(opened), sum(opened_won), sum(closed), sum(closed_won), sum(cross_sold)
      from (select k.role, k.unit_id, (r.opened_at at time zone 'UTC')::date as day,
                   r.sign as opened, r.sign * (r.status = 'WON')::int as opened_won,
                   0 as closed, 0 as closed_won, 0 as cross_sold
              from r
              cross join lateral (values ('H', r.customer_home_unit_id), ('P', r.product_unit_id), ('C', 0)) k(role, unit_id)
            union all
            select k.role, k.unit_id, (r.closed_at at time zone 'UTC')::date, 0, 0,
                   r.sign, r.sign * (r.status = 'WON')::int,
                   r.sign * (r.status = 'WON' and r.product_unit_id <> r.customer_home_unit_id
                             and r.customer_since < (r.closed_at at time zone 'UTC')::date)::int
              from r
              cross join lateral (values ('H', r.customer_home_unit_id), ('P', r.product_unit_id), ('C', 0)) k(role, unit_id)
             where r.closed_at is not null) c
     group by role, unit_id, day
    having sum(opened) <> 0 or sum(opened_won) <> 0 or sum(closed) <> 0 or sum(closed_won) <> 0
        or sum(cross_sold) <> 0
    $q$, sign_and_rows)
$$;

-- The trigger of every count table (V12 too): TG_ARGV[0] the delta table, TG_ARGV[1] the function that writes the
-- query of the changes (as kpi_day_count_changes above).
create function append_count_changes() returns trigger language plpgsql as $$
declare
    changes text;
begin
    execute format('select %I($1)', tg_argv[1]) into changes using (case tg_op
        when 'INSERT' then 'select 1 as sign, n.* from new_rows n'
        when 'DELETE' then 'select -1 as sign, o.* from old_rows o'
        else 'select 1 as sign, n.* from new_rows n union all select -1, o.* from old_rows o' end);
    execute format('insert into %I ', tg_argv[0]) || changes;
    return null;
end
$$;

create trigger tg_opportunity_day_count_insert after insert on opportunity
    referencing new table as new_rows for each statement
    execute function append_count_changes('kpi_day_count_delta', 'kpi_day_count_changes');
create trigger tg_opportunity_day_count_update after update on opportunity
    referencing old table as old_rows new table as new_rows for each statement
    execute function append_count_changes('kpi_day_count_delta', 'kpi_day_count_changes');
create trigger tg_opportunity_day_count_delete after delete on opportunity
    referencing old table as old_rows for each statement
    execute function append_count_changes('kpi_day_count_delta', 'kpi_day_count_changes');

-- TRUNCATE (tests): the counts of the truncated table go too; TG_ARGV the count table and its delta table
create function forget_counts() returns trigger language plpgsql as $$
begin
    -- the folder's lock (DailyCountFolder): a fold in flight must not re-insert what this removes
    perform pg_advisory_xact_lock(hashtext('kpi_day_count_delta'));
    execute format('delete from %I', tg_argv[0]);
    execute format('delete from %I', tg_argv[1]);
    return null;
end
$$;

create trigger tg_opportunity_day_count_truncate after truncate on opportunity
    for each statement execute function forget_counts('kpi_day_count', 'kpi_day_count_delta');

-- the opportunities already stored
do $$
begin
    execute 'insert into kpi_day_count '
        || kpi_day_count_changes('select 1 as sign, o.* from opportunity o');
end
$$;

-- "Late" cross-sales (customer joined on or after the UTC day of closing), which the daily counts leave out: few
-- rows, one partial index per way a KPI selects them (home unit, product unit, whole company), so that the planner
-- reads them there and not through a unit's whole closed_at range (measured at 10 M rows: 2 ms instead of 300 ms).
create index ix_opportunity_late_cross_sold on opportunity (closed_at)
    include (customer_home_unit_id, product_unit_id, customer_since)
    where status = 'WON' and product_unit_id <> customer_home_unit_id
      and customer_since >= (closed_at at time zone 'UTC')::date;
create index ix_opportunity_late_cross_sold_home on opportunity (customer_home_unit_id, closed_at)
    include (product_unit_id, customer_since)
    where status = 'WON' and product_unit_id <> customer_home_unit_id
      and customer_since >= (closed_at at time zone 'UTC')::date;
create index ix_opportunity_late_cross_sold_product on opportunity (product_unit_id, closed_at)
    include (customer_home_unit_id, customer_since)
    where status = 'WON' and product_unit_id <> customer_home_unit_id
      and customer_since >= (closed_at at time zone 'UTC')::date;

analyze kpi_day_count;
analyze opportunity;
