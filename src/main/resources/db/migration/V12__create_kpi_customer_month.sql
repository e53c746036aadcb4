-- Monthly counts of customers by home unit and joining month (issue #7; docs/kpi-queries.md, "Daily counts"): the
-- ratio's customer base on a last day T is every month before the month of T + 1 summed here, plus the customers
-- who joined from that month's first day to T, counted from customer (at most one month of them). unit_id 0 is the
-- whole company. Maintained like kpi_day_count (V11): triggers append signed changes to the delta table, the
-- folder moves them, readers sum both.

create table kpi_customer_month (
    unit_id   bigint not null,
    month     date   not null,
    customers bigint not null,
    constraint pk_kpi_customer_month primary key (unit_id, month) include (customers)
);

create table kpi_customer_month_delta (
    unit_id   bigint not null,
    month     date   not null,
    customers bigint not null
);

create index ix_kpi_customer_month_delta on kpi_customer_month_delta (unit_id, month);

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

create function count_customer_months() returns trigger language plpgsql as $$
begin
    execute 'insert into kpi_customer_month_delta '
        || kpi_customer_month_changes(case tg_op
            when 'INSERT' then 'select 1 as sign, n.* from new_rows n'
            when 'DELETE' then 'select -1 as sign, o.* from old_rows o'
            else 'select 1 as sign, n.* from new_rows n union all select -1, o.* from old_rows o' end);
    return null;
end
$$;

create trigger tg_customer_month_count_insert after insert on customer
    referencing new table as new_rows for each statement execute function count_customer_months();
create trigger tg_customer_month_count_update after update on customer
    referencing old table as old_rows new table as new_rows for each statement execute function count_customer_months();
create trigger tg_customer_month_count_delete after delete on customer
    referencing old table as old_rows for each statement execute function count_customer_months();

create function forget_customer_months() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('kpi_day_count_delta')); -- the folder's lock, as in V11
    delete from kpi_customer_month;
    delete from kpi_customer_month_delta;
    return null;
end
$$;

create trigger tg_customer_month_count_truncate after truncate on customer
    for each statement execute function forget_customer_months();

do $$
begin
    execute 'insert into kpi_customer_month '
        || kpi_customer_month_changes('select 1 as sign, c.* from customer c');
end
$$;

analyze kpi_customer_month;
