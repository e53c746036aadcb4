-- Quarterly counts of cross-sold products per home unit x product unit (issue #7; docs/kpi-queries.md, "The
-- matrix"): the same counts as kpi_pair_month (V16), summed per UTC quarter. A matrix for a quarter summed its three
-- months there, some 7 100 rows at full scale grouped into 2 450 cells; it now reads the whole UTC quarters inside its
-- months here (one row per cell) and only the months before the first and after the last whole quarter from
-- kpi_pair_month. No trigger: DailyCountFolder moves each pending change of kpi_pair_day_delta into the daily, monthly
-- and quarterly tables in one statement, so a change is either pending or in all three.

create table kpi_pair_quarter (
    home_unit_id    bigint not null,
    product_unit_id bigint not null,
    quarter         date   not null, -- the first day of the UTC quarter
    cross_sold      bigint not null,
    constraint pk_kpi_pair_quarter primary key (quarter, home_unit_id, product_unit_id) include (cross_sold)
);

create trigger tg_opportunity_pair_quarter_truncate after truncate on opportunity
    for each statement execute function forget_counts('kpi_pair_quarter', 'kpi_pair_day_delta');

insert into kpi_pair_quarter (home_unit_id, product_unit_id, quarter, cross_sold)
select home_unit_id, product_unit_id, cast(date_trunc('quarter', month) as date), sum(cross_sold)
  from kpi_pair_month
 group by 1, 2, 3;

analyze kpi_pair_quarter;
