-- Monthly per-unit counts of opportunities (issue #7; docs/kpi-queries.md, "Daily counts"): the same counts as
-- kpi_day_count (V11), summed per UTC month. A KPI over ten years summed some 3 650 day rows per unit and role, and a
-- five-year series 1 800: it now sums the whole UTC months inside its day range here and only the days before the
-- first and after the last whole month from kpi_day_count (at most about 60). No trigger: DailyCountFolder moves each
-- pending change of kpi_day_count_delta into both tables in one statement, so a change is either pending or in both.

create table kpi_month_count (
    role       char(1) not null,
    unit_id    bigint  not null,
    month      date    not null, -- the 1st of a month
    opened     bigint  not null,
    opened_won bigint  not null,
    closed     bigint  not null,
    closed_won bigint  not null,
    cross_sold bigint  not null,
    constraint pk_kpi_month_count primary key (role, unit_id, month)
        include (opened, opened_won, closed, closed_won, cross_sold),
    constraint ck_kpi_month_count_role check (role in ('H', 'P', 'C'))
);

-- every unit's rows of a period (by-unit): one range of months
create index ix_kpi_month_count_month on kpi_month_count (role, month)
    include (unit_id, opened, opened_won, closed, closed_won, cross_sold);

create trigger tg_opportunity_month_count_truncate after truncate on opportunity
    for each statement execute function forget_counts('kpi_month_count', 'kpi_day_count_delta');

insert into kpi_month_count (role, unit_id, month, opened, opened_won, closed, closed_won, cross_sold)
select role, unit_id, date_trunc('month', day)::date, sum(opened), sum(opened_won), sum(closed), sum(closed_won),
       sum(cross_sold)
  from kpi_day_count
 group by 1, 2, 3;

analyze kpi_month_count;
