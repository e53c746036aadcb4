-- The delta tables' indexes without INCLUDE columns (issue #7, import speed; docs/benchmark-history.md, "Where an
-- import's work goes"). V16–V18 made them covering for index-only scans, which a delta table rarely gets: a row
-- lives until the next fold (a second; a minute during an import), and only a vacuum in between marks its page
-- all-visible, so a scan fetches the heap anyway (always on a server without autovacuum). What the INCLUDE columns
-- did cost is size: during an import the delta tables hold a minute of changes, appended at random places of their
-- indexes, and after every checkpoint (seconds apart under an import) each index page an append touches is written
-- to the WAL whole again. In a sample of an import's WAL at full scale the quarter-hour delta's index was the
-- largest single source of those full-page images (48 of 300 MB, more than any index of opportunity). Readers keep
-- the same index ranges: a day's quarter hours, a day range, a month range.

drop index ix_kpi_slot_count_delta;
create index ix_kpi_slot_count_delta on kpi_slot_count_delta (day, slot);

drop index ix_kpi_pair_day_delta;
create index ix_kpi_pair_day_delta on kpi_pair_day_delta (day);

drop index ix_kpi_owner_month_delta;
create index ix_kpi_owner_month_delta on kpi_owner_month_delta (month);
