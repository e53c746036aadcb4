-- Conversion rate (basis OPENED) of the whole company: no customer join at all.
select count(*) filter (where status = 'WON') as won, count(*) as opportunities
from opportunity
where opened_at >= '{{from}}'::timestamp at time zone '{{zone}}'
  and opened_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}';
