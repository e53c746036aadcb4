package com.example.crosssell.opportunity;

import com.example.crosssell.RecordTombstones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-key write lock and tombstones of opportunities (SPEC §6.4), and the cascade of a CRM customer delete. */
@Repository
class OpportunityTombstones extends RecordTombstones {

    OpportunityTombstones(JdbcClient jdbc) {
        super(jdbc, "opportunity");
    }

    /**
     * Takes the row lock of the opportunity's customer (FOR SHARE) before the opportunity's own. V8's trigger reads the
     * customer FOR SHARE only once the opportunity's row is locked, while a customer write locks the customer first
     * and its opportunities after (V8's cascade; a customer import batch locks all its customers, then cascades). A
     * single-record write that came between the two deadlocked with the batch; taken first, the customer's lock makes
     * every path lock customer, then opportunity, so they wait for each other instead.
     */
    void lockCustomer(String customerExternalId) {
        jdbc.sql("select 1 from customer where external_id = :customer for share")
                .param("customer", customerExternalId).query(Integer.class).optional();
    }

    /**
     * Deletes every opportunity of a customer the CRM deleted (SPEC §6.4), leaving a tombstone for each one stored
     * with an {@code updatedAt}, so a late, older upsert of one of them does not bring it back.
     */
    int buryAllOfCustomer(String customerExternalId) {
        return jdbc.sql("""
                with gone as (
                    delete from opportunity o using customer c
                     where c.id = o.customer_id and c.external_id = :customer
                    returning o.external_id, o.crm_updated_at
                ), buried as (
                    insert into opportunity_tombstone (external_id, crm_updated_at)
                    select external_id, crm_updated_at from gone where crm_updated_at is not null
                    on conflict (external_id) do update
                       set crm_updated_at = greatest(opportunity_tombstone.crm_updated_at, excluded.crm_updated_at),
                           deleted_at = now()
                )
                select count(*) from gone
                """).param("customer", customerExternalId).query(Integer.class).single();
    }
}
