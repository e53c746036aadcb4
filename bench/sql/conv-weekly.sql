-- Weekly conversion rate (basis OPENED) of the whole company: weeks start on Monday, the first clipped to 'from'.
select greatest(date_trunc('week', opened_at at time zone '{{zone}}')::date, '{{from}}'::date) as start_day,
       count(*) filter (where status = 'WON') as won, count(*) as opportunities
from opportunity
where opened_at >= '{{from}}'::timestamp at time zone '{{zone}}'
  and opened_at < ('{{to}}'::date + 1)::timestamp at time zone '{{zone}}'
group by 1
order by 1;
