-- A sum of bigints that stays a bigint (issue #7; docs/kpi-queries.md, "The matrix"). PostgreSQL's sum(bigint)
-- returns numeric: its state is a numeric per group, and grouping many small counts pays for that arithmetic (the
-- matrix's 2 450 cells: about 0.15-0.2 ms of a 1.4 ms statement at full scale). This one adds with int8pl, as
-- exact: an overflow past 9.2e18 is an error, never a wrong count. Its result for no rows is null, as sum's.

create aggregate bigint_sum(bigint) (
    sfunc = int8pl,
    stype = bigint,
    combinefunc = int8pl,
    parallel = safe
);
