-- Conversion rate (basis OPENED) per owner (no owner last) and in total.
select owner, count(*) filter (where status = 'WON') as won, count(*) as opportunities
from opportunity
where opened_at >= '{{from}}'::timestamp at time zone '{{zone}}'
  and opened_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
group by grouping sets ((owner), ())
order by grouping(owner), owner collate "C" nulls last;
