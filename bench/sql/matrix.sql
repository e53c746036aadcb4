-- Cross-sell matrix: won cross-unit deals closed in the period by home unit x product unit, then the customer base
-- of every home unit (product unit null).
with cells as (select o.customer_home_unit_id as home_unit_id, o.product_unit_id, count(*) as n
               from opportunity o
                 where o.status = 'WON'
                 and o.closed_at >= '{{from}}'::timestamp at time zone '{{zone}}'
                 and o.closed_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
                 and o.product_unit_id <> o.customer_home_unit_id
                 and o.customer_since <= '{{to}}'
               group by 1, 2)
select h.code as home_unit, p.code as product_unit, cells.n
from cells
join business_unit h on h.id = cells.home_unit_id
join business_unit p on p.id = cells.product_unit_id
union all
select u.code, null, count(c.id)
from business_unit u
left join customer c on c.home_unit_id = u.id and c.customer_since <= '{{to}}'
group by u.code
order by 1, 2 nulls first;
