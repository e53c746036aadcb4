-- Yearly counts of customers by home unit and joining year (issue #7; docs/kpi-queries.md, "Daily counts"): the
-- same counts as kpi_customer_month (V12), summed per year. A customer base on a last day T sums every month before
-- the month of T + 1: some 9 000 rows for the 50 units of fifteen years, 2 ms of a by-unit or matrix answer. It now
-- sums the whole years before that month's year here (750 rows) and that year's months from kpi_customer_month
-- (at most 11 per unit, through the index below). No trigger: DailyCountFolder moves each pending change of
-- kpi_customer_month_delta into both tables in one statement, so a change is either pending or in both.

create table kpi_customer_year (
    unit_id   bigint not null,
    year      date   not null, -- January 1st
    customers bigint not null,
    constraint pk_kpi_customer_year primary key (unit_id, year) include (customers)
);

-- the months of one year for every unit (by-unit, the matrix)
create index ix_kpi_customer_month_month on kpi_customer_month (month) include (unit_id, customers);

create trigger tg_customer_year_count_truncate after truncate on customer
    for each statement execute function forget_counts('kpi_customer_year', 'kpi_customer_month_delta');

insert into kpi_customer_year (unit_id, year, customers)
select unit_id, cast(date_trunc('year', month) as date), sum(customers)
  from kpi_customer_month
 group by 1, 2;

analyze kpi_customer_year;
