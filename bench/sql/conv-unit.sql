-- Conversion rate (basis OPENED) of one unit as the customers' home unit: opportunities opened in the period, won.
select count(*) filter (where o.status = 'WON') as won, count(*) as opportunities
from opportunity o
where o.opened_at >= '{{from}}'::timestamp at time zone '{{zone}}'
  and o.opened_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
  and o.customer_home_unit_id = (select id from business_unit where code = '{{unit}}');
