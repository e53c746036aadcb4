#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of every KPI query shape on a generated dataset (docs/kpi-queries.md).
# Creates a throwaway database on the local PostgreSQL, builds the schema from the Flyway migrations, generates
# CUSTOMERS customers and OPPORTUNITIES opportunities, prints the plans and drops the database again.
# Usage: scripts/kpi-explain.sh [customers] [opportunities]   (PGHOST/PGPORT/PGUSER as for psql)
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
OPPORTUNITIES=${2:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
run() { psql -q -X -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
if [ -n "${DB:-}" ]; then
    echo "-- reusing database $DB"
else
DB="kpi_explain_$$"
psql -q -d postgres -c "create database $DB"
# KEEP=1 leaves the database for experiments (then rerun with DB=<name>, and drop it yourself)
[ "${KEEP:-0}" = 1 ] && echo "-- keeping database $DB" || trap 'psql -q -d postgres -c "drop database if exists $DB with (force)"' EXIT

run -c "create schema crosssell"
for migration in src/main/resources/db/migration/V*.sql; do
    PGOPTIONS="-c search_path=crosssell" run -f "$migration"
done

start=$(date +%s)
PGOPTIONS="-c search_path=crosssell" run <<SQL
insert into business_unit (code, name) select 'U' || lpad(i::text, 2, '0'), 'Unit ' || i from generate_series(1, 12) i;
insert into customer (external_id, home_unit_id, customer_since, segment)
select 'C' || i, 1 + (hashint4(i) & 2147483647) % 12, date '2015-01-01' + (hashint4(i * 7) & 2147483647) % 4000,
       (array['SMB', 'RETAIL', 'CORP', null])[1 + (hashint4(i * 13) & 2147483647) % 4]
  from generate_series(1, $CUSTOMERS) i;
insert into opportunity (external_id, customer_id, product_unit_id, owner, status, opened_at, closed_at)
select 'O' || i, customer_id, product_unit_id, owner, status, opened_at,
       case when status = 'OPEN' then null else opened_at + ((hashint4(i * 17) & 2147483647) % 7776000) * interval '1 second' end
  from (select i, 1 + (hashint4(i) & 2147483647) % $CUSTOMERS as customer_id,
               1 + (hashint4(i * 3) & 2147483647) % 12 as product_unit_id,
               'agent-' || (hashint4(i * 5) & 2147483647) % 200 as owner,
               (array['OPEN', 'WON', 'WON', 'LOST', 'LOST'])[1 + (hashint4(i * 11) & 2147483647) % 5] as status,
               timestamptz '2015-01-01 00:00Z' + ((hashint4(i * 19) & 2147483647) % 347000000) * interval '1 second' as opened_at
          from generate_series(1, $OPPORTUNITIES) i) g;
vacuum analyze;
SQL
echo "-- generated $CUSTOMERS customers and $OPPORTUNITIES opportunities in $(( $(date +%s) - start )) s"
fi

explain() {
    echo; echo "### $1"; shift
    PGOPTIONS="-c search_path=crosssell -c jit=off" run -c "prepare q as $1" \
        -c "explain (analyze, buffers, costs off, timing on, summary on) execute q" | sed -n '1,200p'
}

# the period and layer CTEs exactly as PeriodList.CTE binds them: arrays of last days, start and end instants, layers
arrays() { # "from to layer" lines → the four array casts
    python3 -c '
import sys
from datetime import date, timedelta
rows = [line.split() for line in sys.stdin if line.strip()]
tos = ",".join(r[1] for r in rows)
starts = ",".join(r[0] + "T00:00:00Z" for r in rows)
ends = ",".join(str(date.fromisoformat(r[1]) + timedelta(days=1)) + "T00:00:00Z" for r in rows)
layers = ",".join(r[2] for r in rows)
print(f"cast(\x27{{{tos}}}\x27 as date[]), cast(\x27{{{starts}}}\x27 as timestamptz[]), "
      f"cast(\x27{{{ends}}}\x27 as timestamptz[]), cast(\x27{{{layers}}}\x27 as int[])")'
}
ONE=$(echo "2025-01-01 2025-03-31 0" | arrays)
TWO=$(printf "2025-01-01 2025-03-31 0\n2024-10-01 2024-12-31 1\n" | arrays)
MONTHS=$(python3 -c '
from datetime import date, timedelta
for m in range(1, 13):
    end = (date(2024, m + 1, 1) if m < 12 else date(2025, 1, 1)) - timedelta(days=1)
    print(date(2024, m, 1), end, 0)' | arrays)
DAYS_COMPARED=$(python3 -c '
from datetime import date, timedelta
days = [date(2024, 1, 1) + timedelta(days=i) for i in range(366)]
for d in days: print(d, d, 0)
for d in days:
    p = date(2023, 2, 28) if (d.month, d.day) == (2, 29) else d.replace(year=2023)
    print(p, p, 2 if (d.month, d.day) == (2, 29) else 1)' | arrays)
period() { cat <<SQL
period as (select p.idx, p.layer, p.to_date, p.start_at, p.end_at
             from unnest($1) with ordinality as p(to_date, start_at, end_at, layer, idx)),
layer as (select layer, array_agg(start_at order by start_at) as starts, array_agg(idx order by start_at) as idxs,
                 min(start_at) as first_start, max(end_at) as last_end from period group by layer)
SQL
}
UNIT="(select u.id from business_unit u where u.code = 'U03')"

ratio_sql() { cat <<SQL
with $(period "$1"),
won as materialized (select y.idxs[width_bucket(o.closed_at, y.starts)] as idx, o.closed_at, o.customer_id, o.product_unit_id
           from layer y join opportunity o on o.closed_at >= y.first_start and o.closed_at < y.last_end
          where o.closed_at is not null and o.status = 'WON'),
fact as (select o.idx, o.closed_at, o.customer_id, c.customer_since from won o join customer c on c.id = o.customer_id
          where o.product_unit_id <> c.home_unit_id $2),
sold as (select p.idx, count(*) as numerator from fact f join period p on p.idx = f.idx
          where f.closed_at < p.end_at and f.customer_since <= p.to_date group by p.idx),
ending as (select to_date, row_number() over (order by to_date) as position from (select distinct to_date from period) d),
joined as (select width_bucket(c.customer_since, (select array_agg(to_date + 1 order by to_date) from ending)) as position,
                  count(*) as customers from customer c where c.customer_since <= (select max(to_date) from period) $2 group by 1),
base as (select e.to_date, sum(coalesce(j.customers, 0)) over (order by e.position) as customers
           from ending e left join joined j on j.position = e.position - 1)
select p.idx, coalesce(s.numerator, 0), b.customers from period p left join sold s on s.idx = p.idx join base b on b.to_date = p.to_date order by p.idx
SQL
}
conversion_sql() { cat <<SQL
with $(period "$1"),
scanned as materialized (select y.idxs[width_bucket(o.$2, y.starts)] as idx, o.$2 as at, o.status, o.customer_id
           from layer y join opportunity o on o.$2 >= y.first_start and o.$2 < y.last_end
          where o.$2 is not null $3),
fact as (select o.idx, o.at, o.status from scanned o $4 where true $5),
counted as (select p.idx, count(*) filter (where f.status = 'WON') as won, count(*) as opportunities
              from fact f join period p on p.idx = f.idx where f.at < p.end_at group by p.idx)
select p.idx, coalesce(k.won, 0), coalesce(k.opportunities, 0) from period p left join counted k on k.idx = p.idx order by p.idx
SQL
}

explain "ratio, whole company, one quarter" "$(ratio_sql "$ONE" "")"
explain "ratio, unit as home unit, with PREVIOUS_PERIOD" "$(ratio_sql "$TWO" "and c.home_unit_id = $UNIT")"
explain "ratio, monthly series of 2024, segment SMB" "$(ratio_sql "$MONTHS" "and c.segment = 'SMB'")"
explain "conversion, basis OPENED, whole company" "$(conversion_sql "$ONE" opened_at "" "" "")"
explain "conversion, basis CLOSED, unit as home unit" "$(conversion_sql "$ONE" closed_at "" "join customer c on c.id = o.customer_id" "and c.home_unit_id = $UNIT")"
explain "conversion, basis OPENED, unit as product unit, owner" "$(conversion_sql "$ONE" opened_at "and o.product_unit_id = $UNIT and o.owner = 'agent-7'" "" "")"
explain "conversion, monthly series of 2024" "$(conversion_sql "$MONTHS" opened_at "" "" "")"
explain "conversion, monthly series of 2024, segment SMB" "$(conversion_sql "$MONTHS" opened_at "" "join customer c on c.id = o.customer_id" "and c.segment = 'SMB'")"
explain "ratio, daily series of 2024 with PREVIOUS_YEAR (732 periods, 3 layers)" "$(ratio_sql "$DAYS_COMPARED" "")"
explain "conversion, daily series of 2024 with PREVIOUS_YEAR, basis CLOSED" "$(conversion_sql "$DAYS_COMPARED" closed_at "" "" "")"
explain "conversion by owner, one quarter" "with $(period "$ONE"),
counted as (select p.idx, o.owner as key, grouping(o.owner) as whole, count(*) filter (where o.status = 'WON') as won, count(*) as opportunities
              from period p join opportunity o on o.opened_at >= p.start_at and o.opened_at < p.end_at
             where o.opened_at is not null group by grouping sets ((p.idx, o.owner), (p.idx)))
select * from counted order by idx, whole, key collate \"C\" nulls last"
explain "ratio by unit (home unit), one quarter" "with $(period "$ONE"),
sold as (select p.idx, c.home_unit_id as unit_id, grouping(c.home_unit_id) as whole, count(*) as numerator
           from period p join opportunity o on o.closed_at >= p.start_at and o.closed_at < p.end_at
           join customer c on c.id = o.customer_id
          where o.closed_at is not null and o.status = 'WON' and o.product_unit_id <> c.home_unit_id and c.customer_since <= p.to_date
          group by grouping sets ((p.idx, c.home_unit_id), (p.idx))),
base as (select p.idx, c.home_unit_id as unit_id, grouping(c.home_unit_id) as whole, count(*) as customers
           from period p join customer c on c.customer_since <= p.to_date group by grouping sets ((p.idx, c.home_unit_id), (p.idx)))
select p.idx, u.code, coalesce(s.numerator, 0), coalesce(b.customers, 0) from period p cross join business_unit u
  left join sold s on s.idx = p.idx and s.whole = 0 and s.unit_id = u.id
  left join base b on b.idx = p.idx and b.whole = 0 and b.unit_id = u.id order by u.code"
explain "matrix cells, one quarter" "select hu.code, pu.code, count(*) from opportunity o
  join customer c on c.id = o.customer_id join business_unit hu on hu.id = c.home_unit_id join business_unit pu on pu.id = o.product_unit_id
 where o.status = 'WON' and o.product_unit_id <> c.home_unit_id
   and o.closed_at >= '2025-01-01T05:00:00Z' and o.closed_at < '2025-04-01T04:00:00Z' and c.customer_since <= '2025-03-31'
 group by hu.code, pu.code order by hu.code collate \"C\", pu.code collate \"C\""
explain "matrix customers by unit" "select u.code, count(c.id) from business_unit u
  left join customer c on c.home_unit_id = u.id and c.customer_since <= '2025-03-31' group by u.code order by u.code collate \"C\""
