-- Import speed (issue #7; docs/kpi-queries.md, "V8: the customer's columns on the opportunity"). The bulk import's
-- merge already looks up every line's customer; it now reads the three copied columns in that same look-up, under
-- FOR SHARE like V8's trigger, and writes them itself. V8's per-row trigger (one PL/pgSQL call and one more
-- customer look-up per row, about a tenth of a batch's merge) stands aside in a transaction that says so with the
-- transaction-local setting crosssell.customer_columns_copied = 'on' (OpportunityBatchWriter). Every other write
-- path — JPA, webhooks, a DBA's SQL — still gets the copy from the trigger; the setting ends with the transaction.

drop trigger tg_opportunity_copy_customer on opportunity;

create trigger tg_opportunity_copy_customer
    before insert or update of customer_id, customer_home_unit_id, customer_since, customer_segment on opportunity
    for each row
    when (current_setting('crosssell.customer_columns_copied', true) is distinct from 'on')
    execute function copy_customer_onto_opportunity();
