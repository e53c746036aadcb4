-- KPI speed (issue #7; reasoning and plans in docs/kpi-queries.md, "V8: the customer's columns on the opportunity").
-- Every KPI filters opportunities by their customer's home unit, segment or customer_since. Joining customer at
-- query time cost a hash of the whole customer table (company-wide) or one pk_customer lookup per counted row.
-- The three columns are now copied onto each opportunity and kept exact by triggers, inside the writing
-- transaction, whatever the write path (JPA, import merge, webhook, a DBA's SQL): a KPI call after an acknowledged
-- write sees the copy that write made.

alter table opportunity
    add column customer_home_unit_id bigint,
    add column customer_since        date,
    add column customer_segment      varchar(64);

update opportunity o
   set customer_home_unit_id = c.home_unit_id, customer_since = c.customer_since, customer_segment = c.segment
  from customer c
 where c.id = o.customer_id;

alter table opportunity
    alter column customer_home_unit_id set not null,
    alter column customer_since set not null;

-- An opportunity written (or its customer or the copies changed): copy from its customer. FOR SHARE makes a
-- concurrent change of that customer wait for this transaction (and this read wait for it), so the customer's
-- cascade below always sees the opportunity and the opportunity never keeps a value the customer no longer has.
create function copy_customer_onto_opportunity() returns trigger language plpgsql as $$
begin
    select c.home_unit_id, c.customer_since, c.segment
      into new.customer_home_unit_id, new.customer_since, new.customer_segment
      from customer c
     where c.id = new.customer_id
       for share;
    if not found and new.customer_id is not null then
        -- the foreign key would refuse the row after this trigger; refuse it here the same way (same constraint)
        raise foreign_key_violation using constraint = 'fk_opportunity_customer',
            message = 'insert or update on table "opportunity" violates foreign key constraint "fk_opportunity_customer"',
            detail = format('Key (customer_id)=(%s) is not present in table "customer".', new.customer_id);
    end if;
    return new;
end
$$;

create trigger tg_opportunity_copy_customer
    before insert or update of customer_id, customer_home_unit_id, customer_since, customer_segment on opportunity
    for each row execute function copy_customer_onto_opportunity();

-- A customer's home unit, customer_since or segment changed: every one of its opportunities follows.
create function cascade_customer_to_opportunities() returns trigger language plpgsql as $$
begin
    update opportunity o
       set customer_home_unit_id = new.home_unit_id, customer_since = new.customer_since,
           customer_segment = new.segment
     where o.customer_id = new.id;
    return null;
end
$$;

create trigger tg_customer_cascade_to_opportunities
    after update of home_unit_id, customer_since, segment on customer
    for each row
    when (old.home_unit_id is distinct from new.home_unit_id or old.customer_since is distinct from new.customer_since
          or old.segment is distinct from new.segment)
    execute function cascade_customer_to_opportunities();

-- The KPI indexes, now keyed by the columns each filter uses. Every one covers what its queries read, so they are
-- index-only scans (no heap, no customer). Opened: the conversion cohort (basis OPENED). Closed: the ratio's
-- numerator (WON, product unit <> home unit) and the conversion rate with basis CLOSED.
drop index ix_opportunity_opened_at;
drop index ix_opportunity_closed_at;
drop index ix_opportunity_product_unit; -- its leading column leads ix_opportunity_product_opened_at

create index ix_opportunity_opened_at on opportunity (opened_at)
    include (status, customer_home_unit_id, product_unit_id, customer_segment, owner);
create index ix_opportunity_home_opened_at on opportunity (customer_home_unit_id, opened_at)
    include (status, product_unit_id, customer_segment, owner);
create index ix_opportunity_product_opened_at on opportunity (product_unit_id, opened_at)
    include (status, customer_home_unit_id, customer_segment, owner);

create index ix_opportunity_closed_at on opportunity (closed_at)
    include (status, customer_home_unit_id, product_unit_id, customer_segment, owner, customer_id, customer_since)
    where closed_at is not null;
create index ix_opportunity_home_closed_at on opportunity (customer_home_unit_id, closed_at)
    include (status, product_unit_id, customer_segment, owner, customer_id, customer_since)
    where closed_at is not null;
create index ix_opportunity_product_closed_at on opportunity (product_unit_id, closed_at)
    include (status, customer_home_unit_id, customer_segment, owner, customer_id, customer_since)
    where closed_at is not null;

analyze opportunity;
