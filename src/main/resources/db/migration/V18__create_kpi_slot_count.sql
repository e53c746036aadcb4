-- Company-wide counts per UTC quarter hour, for the edges of company KPIs in zones whose midnight is not a UTC one
-- (issue #7; docs/kpi-queries.md, "Daily counts"). A company KPI sums whole UTC days from kpi_day_count (V11) and
-- reads the two partial days at the edges of each period (UtcCut) from opportunity: in Asia/Kolkata, 5.5 hours of
-- every unit's deals per edge, 53 to 61 edges in a series, most of a Kolkata series' time at full scale. Every zone
-- offset in use today is a whole number of quarter hours, so such an edge is a whole number of the slots here and
-- is summed from at most 48 rows of one day. An edge that is not (a local mean time before 1900 or so) is still read
-- from opportunity.
--
-- day = the UTC day and slot = the quarter hour of that day (0 = 00:00–00:15 … 95 = 23:45–24:00) of opened_at
-- (opened, opened_won) or of closed_at (closed, closed_won, cross_sold), with the columns and the "settled"
-- condition of kpi_day_count's role 'C' rows: the slots of a day add up to that day's company row. Kept like
-- kpi_day_count (V11, V14): triggers append signed changes to the delta table, DailyCountFolder moves them, readers
-- sum both tables. About 96 rows a day: 385 000 at full scale (4 000 days), 2 more change rows per written deal.

create table kpi_slot_count (
    day        date     not null,
    slot       smallint not null,
    opened     bigint   not null,
    opened_won bigint   not null,
    closed     bigint   not null,
    closed_won bigint   not null,
    cross_sold bigint   not null,
    -- an edge's slots of one day: one index range
    constraint pk_kpi_slot_count primary key (day, slot) include (opened, opened_won, closed, closed_won, cross_sold),
    constraint ck_kpi_slot_count_slot check (slot between 0 and 95)
);

create table kpi_slot_count_delta (like kpi_slot_count);

create index ix_kpi_slot_count_delta on kpi_slot_count_delta (day, slot)
    include (opened, opened_won, closed, closed_won, cross_sold);

alter table kpi_slot_count_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000); -- as V11's delta table

-- The counts a set of opportunity rows contributes, each row signed; %s is that set (as kpi_day_count_changes).
create function kpi_slot_count_changes(sign_and_rows text) returns text language sql immutable as $$
select format($q$
    with r as (%s)
    select day, slot, sum(opened), sum(opened_won), sum(closed), sum(closed_won), sum(cross_sold)
      from (select (r.opened_at at time zone 'UTC')::date as day,
                   floor(extract(epoch from (r.opened_at at time zone 'UTC')::time) / 900)::smallint as slot,
                   r.sign as opened, r.sign * (r.status = 'WON')::int as opened_won,
                   0 as closed, 0 as closed_won, 0 as cross_sold
              from r
            union all
            select (r.closed_at at time zone 'UTC')::date,
                   floor(extract(epoch from (r.closed_at at time zone 'UTC')::time) / 900)::smallint, 0, 0,
                   r.sign, r.sign * (r.status = 'WON')::int,
                   r.sign * (r.status = 'WON' and r.product_unit_id <> r.customer_home_unit_id
                             and r.customer_since < (r.closed_at at time zone 'UTC')::date)::int
              from r
             where r.closed_at is not null) c
     group by day, slot
    having sum(opened) <> 0 or sum(opened_won) <> 0 or sum(closed) <> 0 or sum(closed_won) <> 0
        or sum(cross_sold) <> 0
    $q$, sign_and_rows)
$$;

select write_count_trigger('append_slot_count_changes', 'kpi_slot_count_delta', 'kpi_slot_count_changes');

-- created before the rows already stored are counted: from here on writers wait for this migration's commit
create trigger tg_opportunity_slot_count_insert after insert on opportunity
    referencing new table as new_rows for each statement execute function append_slot_count_changes();
create trigger tg_opportunity_slot_count_update after update on opportunity
    referencing old table as old_rows new table as new_rows for each statement
    execute function append_slot_count_changes();
create trigger tg_opportunity_slot_count_delete after delete on opportunity
    referencing old table as old_rows for each statement execute function append_slot_count_changes();
create trigger tg_opportunity_slot_count_truncate after truncate on opportunity
    for each statement execute function forget_counts('kpi_slot_count', 'kpi_slot_count_delta');

-- the opportunities already stored
do $$
begin
    execute 'insert into kpi_slot_count ' || kpi_slot_count_changes('select 1 as sign, o.* from opportunity o');
end
$$;

analyze kpi_slot_count;
