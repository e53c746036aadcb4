-- Monthly counts of customers by home unit and joining month (issue #7; docs/kpi-queries.md, "Daily counts"): the
-- ratio's customer base on a last day T is every month before the month of T + 1 summed here, plus the customers
-- who joined from that month's first day to T, counted from customer (at most one month of them). unit_id 0 is the
-- whole company. Maintained like kpi_day_count (V11): triggers append signed changes to the delta table, the
-- folder moves them, readers sum both (the trigger functions are V11's).

create table kpi_customer_month (
    unit_id   bigint not null,
    month     date   not null,
    customers bigint not null,
    constraint pk_kpi_customer_month primary key (unit_id, month) include (customers)
);

create table kpi_customer_month_delta (like kpi_customer_month);

create index ix_kpi_customer_month_delta on kpi_customer_month_delta (unit_id, month);

alter table kpi_customer_month_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000); -- as V11's delta table

-- the partial month of the whole company: customers by joining day, without a unit
create index ix_customer_since on customer (customer_since) include (home_unit_id);

create function kpi_customer_month_changes(sign_and_rows text) returns text language sql immutable as $$
select format($q$
    with r as (%s)
    select k.unit_id, date_trunc('month', r.customer_since)::date as month, sum(r.sign) as customers
      from r
      cross join lateral (values (r.home_unit_id), (0)) k(unit_id)
     group by 1, 2
    having sum(r.sign) <> 0
    $q$, sign_and_rows)
$$;

create trigger tg_customer_month_count_insert after insert on customer
    referencing new table as new_rows for each statement
    execute function append_count_changes('kpi_customer_month_delta', 'kpi_customer_month_changes');
create trigger tg_customer_month_count_update after update on customer
    referencing old table as old_rows new table as new_rows for each statement
    execute function append_count_changes('kpi_customer_month_delta', 'kpi_customer_month_changes');
create trigger tg_customer_month_count_delete after delete on customer
    referencing old table as old_rows for each statement
    execute function append_count_changes('kpi_customer_month_delta', 'kpi_customer_month_changes');

create trigger tg_customer_month_count_truncate after truncate on customer
    for each statement execute function forget_counts('kpi_customer_month', 'kpi_customer_month_delta');

do $$
begin
    execute 'insert into kpi_customer_month '
        || kpi_customer_month_changes('select 1 as sign, c.* from customer c');
end
$$;

analyze kpi_customer_month;
