-- Responses with details (the default) carry sourceUpdatedAt: the newest CRM updatedAt among the records counted
-- (docs/kpis.md, "Freshness"), a max over every counted opportunity that no count table can keep exact under
-- deletes, so ExplainQuery.totals reads the period's opportunities again. The KPI indexes of V8 covered everything
-- the KPI filters read but not crm_updated_at, so those totals fetched every counted row from the heap: at 10 M rows
-- a unit's quarter read 55 000 heap pages (0.5 s; 3.4 s while it still joined the customer). With crm_updated_at
-- in the INCLUDE lists they are index-only scans, as the KPIs' own raw reads are.
--
-- Rebuilding the six indexes locks opportunity for writes while it runs (minutes at 10 M rows); a deployment that
-- cannot afford that builds them first with CREATE INDEX CONCURRENTLY under other names.

drop index ix_opportunity_opened_at;
drop index ix_opportunity_home_opened_at;
drop index ix_opportunity_product_opened_at;
drop index ix_opportunity_closed_at;
drop index ix_opportunity_home_closed_at;
drop index ix_opportunity_product_closed_at;

create index ix_opportunity_opened_at on opportunity (opened_at)
    include (status, customer_home_unit_id, product_unit_id, customer_segment, owner, crm_updated_at);
create index ix_opportunity_home_opened_at on opportunity (customer_home_unit_id, opened_at)
    include (status, product_unit_id, customer_segment, owner, crm_updated_at);
create index ix_opportunity_product_opened_at on opportunity (product_unit_id, opened_at)
    include (status, customer_home_unit_id, customer_segment, owner, crm_updated_at);

create index ix_opportunity_closed_at on opportunity (closed_at)
    include (status, customer_home_unit_id, product_unit_id, customer_segment, owner, customer_id, customer_since,
             crm_updated_at)
    where closed_at is not null;
create index ix_opportunity_home_closed_at on opportunity (customer_home_unit_id, closed_at)
    include (status, product_unit_id, customer_segment, owner, customer_id, customer_since, crm_updated_at)
    where closed_at is not null;
create index ix_opportunity_product_closed_at on opportunity (product_unit_id, closed_at)
    include (status, customer_home_unit_id, customer_segment, owner, customer_id, customer_since, crm_updated_at)
    where closed_at is not null;

analyze opportunity;

-- the same for the ratio's customer base (a unit's customers, or the company's, joined by the period's last day)
drop index ix_customer_home_unit;
drop index ix_customer_since;
create index ix_customer_home_unit on customer (home_unit_id, customer_since) include (segment, crm_updated_at);
create index ix_customer_since on customer (customer_since) include (home_unit_id, segment, crm_updated_at);

analyze customer;
