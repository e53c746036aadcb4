-- Cross-sell ratio (PRODUCTS) of the whole company.
select (select count(*)
        from opportunity o
        where o.status = 'WON'
          and o.closed_at >= '{{from}}'::timestamp at time zone '{{zone}}'
          and o.closed_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
          and o.product_unit_id <> o.customer_home_unit_id
          and o.customer_since <= '{{to}}') as numerator,
       (select count(*) from customer where customer_since <= '{{to}}') as denominator;
