-- Monthly cross-sell ratio of the whole company: the won deals grouped by local month, each counted only if its
-- customer joined by the end of that month; the base is a running sum of the customers grouped by joining month.
with month as (select m::date as start_day
               from generate_series('{{from}}'::date, '{{to}}'::date, interval '1 month') m),
     won as (select date_trunc('month', o.closed_at at time zone '{{zone}}')::date as start_day, count(*) as n
             from opportunity o
             where o.status = 'WON'
               and o.closed_at >= '{{from}}'::timestamp at time zone '{{zone}}'
               and o.closed_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
               and o.product_unit_id <> o.customer_home_unit_id
               and o.customer_since < date_trunc('month', o.closed_at at time zone '{{zone}}') + interval '1 month'
             group by 1),
     joined as (select greatest(date_trunc('month', customer_since)::date, '{{from}}'::date) as start_day,
                       count(*) as n
                from customer
                where customer_since <= '{{to}}'
                group by 1)
select month.start_day, coalesce(won.n, 0) as numerator,
       sum(coalesce(joined.n, 0)) over (order by month.start_day) as denominator
from month
left join won using (start_day)
left join joined using (start_day)
order by month.start_day;
