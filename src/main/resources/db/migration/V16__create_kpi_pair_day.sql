-- Daily counts of cross-sold products per home unit x product unit, for the matrix (issue #7; docs/kpi-queries.md,
-- "Daily counts"). The matrix of a period sums its whole UTC days here and reads its two partial edge days and the
-- "late" cross-sales from opportunity, exactly as a ratio does with kpi_day_count (V11): the same "settled"
-- condition (the customer joined before the UTC day of closing), so the same exactness argument.
--
-- Size: one row per pair and day with a cross-sale: 1.7 M rows at full scale (50 units, 10 M opportunities, about
-- 3 M cross-sold deals), some 60 000 for a quarter. So kpi_pair_month holds the same counts per UTC month (2 500
-- pairs a month): a matrix sums its whole UTC months there, its other whole days in kpi_pair_day, and reads only
-- the partial edge days raw. Kept like kpi_day_count: triggers append signed changes per day to the delta table
-- (V14's static trigger functions); DailyCountFolder moves them into both tables in one statement, so a change is
-- either pending or in both; readers sum the pending changes of every day of the period.

create table kpi_pair_day (
    home_unit_id    bigint not null,
    product_unit_id bigint not null,
    day             date   not null,
    cross_sold      bigint not null,
    -- a period's days for every pair: one index range
    constraint pk_kpi_pair_day primary key (day, home_unit_id, product_unit_id) include (cross_sold)
);

create table kpi_pair_month (
    home_unit_id    bigint not null,
    product_unit_id bigint not null,
    month           date   not null, -- the first day of the UTC month
    cross_sold      bigint not null,
    constraint pk_kpi_pair_month primary key (month, home_unit_id, product_unit_id) include (cross_sold)
);

create table kpi_pair_day_delta (like kpi_pair_day);

create index ix_kpi_pair_day_delta on kpi_pair_day_delta (day) include (home_unit_id, product_unit_id, cross_sold);

alter table kpi_pair_day_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000); -- as V11's delta table

-- The counts a set of opportunity rows contributes, each row signed; %s is that set (as kpi_day_count_changes).
create function kpi_pair_day_changes(sign_and_rows text) returns text language sql immutable as $$
select format($q$
    with r as (%s)
    select r.customer_home_unit_id, r.product_unit_id, (r.closed_at at time zone 'UTC')::date, sum(r.sign)
      from r
     where r.closed_at is not null and r.status = 'WON' and r.product_unit_id <> r.customer_home_unit_id
       and r.customer_since < (r.closed_at at time zone 'UTC')::date
     group by 1, 2, 3
    having sum(r.sign) <> 0
    $q$, sign_and_rows)
$$;

select write_count_trigger('append_pair_day_changes', 'kpi_pair_day_delta', 'kpi_pair_day_changes');

create trigger tg_opportunity_pair_day_insert after insert on opportunity
    referencing new table as new_rows for each statement execute function append_pair_day_changes();
create trigger tg_opportunity_pair_day_update after update on opportunity
    referencing old table as old_rows new table as new_rows for each statement
    execute function append_pair_day_changes();
create trigger tg_opportunity_pair_day_delete after delete on opportunity
    referencing old table as old_rows for each statement execute function append_pair_day_changes();
create trigger tg_opportunity_pair_day_truncate after truncate on opportunity
    for each statement execute function forget_counts('kpi_pair_day', 'kpi_pair_day_delta');
create trigger tg_opportunity_pair_month_truncate after truncate on opportunity
    for each statement execute function forget_counts('kpi_pair_month', 'kpi_pair_day_delta');

-- the opportunities already stored
do $$
begin
    execute 'insert into kpi_pair_day ' || kpi_pair_day_changes('select 1 as sign, o.* from opportunity o');
end
$$;

insert into kpi_pair_month (home_unit_id, product_unit_id, month, cross_sold)
select home_unit_id, product_unit_id, date_trunc('month', day)::date, sum(cross_sold)
  from kpi_pair_day
 group by 1, 2, 3;

analyze kpi_pair_day;
analyze kpi_pair_month;
