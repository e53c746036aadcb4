-- Cross-sell ratio (PRODUCTS) of one unit as the customers' home unit: won cross-unit deals closed in the period by
-- customers of the unit's base, over the size of that base.
select (select count(*)
        from opportunity o
        where o.status = 'WON'
          and o.closed_at >= '{{from}}'::timestamp at time zone '{{zone}}'
          and o.closed_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
          and o.customer_home_unit_id = (select id from business_unit where code = '{{unit}}')
          and o.product_unit_id <> o.customer_home_unit_id
          and o.customer_since <= '{{to}}') as numerator,
       (select count(*)
        from customer c
        where c.home_unit_id = (select id from business_unit where code = '{{unit}}')
          and c.customer_since <= '{{to}}') as denominator;
