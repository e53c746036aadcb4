-- Cross-sell ratio per home unit (every unit, by code) and for the whole company (last row).
with won as (select o.customer_home_unit_id as unit_id, count(*) as n
             from opportunity o
             where o.status = 'WON'
               and o.closed_at >= '{{from}}'::timestamp at time zone '{{zone}}'
               and o.closed_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
               and o.product_unit_id <> o.customer_home_unit_id
               and o.customer_since <= '{{to}}'
             group by o.customer_home_unit_id),
     base as (select home_unit_id as unit_id, count(*) as n
              from customer
              where customer_since <= '{{to}}'
              group by home_unit_id)
select code, numerator, denominator
from (select u.code, coalesce(won.n, 0) as numerator, coalesce(base.n, 0) as denominator
      from business_unit u
      left join won on won.unit_id = u.id
      left join base on base.unit_id = u.id
      union all
      select null, (select coalesce(sum(n), 0) from won), (select coalesce(sum(n), 0) from base)) rows
order by code nulls last;
