package com.example.crosssell.opportunity;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.example.crosssell.BatchRow;
import com.example.crosssell.ImportBatchLock;
import com.example.crosssell.RecordType;
import com.example.crosssell.RecordsStored;
import com.example.crosssell.RowOutcome;
import com.example.crosssell.StagingRows;
import com.example.crosssell.WriteOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk import's write path of opportunities: one batch is COPYed into a temporary staging table and merged with
 * one statement that applies SPEC §6.4's version rule (stored opportunity and tombstone) and reports every line.
 * The merge also copies each customer's home unit, customer_since and segment onto the opportunity (V8), reading
 * them in the same look-up that resolves the customer, so V8's per-row trigger stands aside for this transaction
 * (V13).
 */
@Repository
public class OpportunityBatchWriter {

    private static final String STAGE = """
            create temp table if not exists import_opportunity_stage (
                line bigint, external_id text collate "C", customer text collate "C", product_unit text collate "C",
                product text, owner text, status text, opened_at timestamptz, closed_at timestamptz, amount numeric,
                crm_updated_at timestamptz
            ) on commit delete rows
            """;

    private static final String MERGE = """
            with stage as (
                select s.*, c.id as customer_id, c.home_unit_id as customer_home_unit_id,
                       c.customer_since, c.segment as customer_segment, u.id as product_unit_id,
                       o.id is not null as stored, o.crm_updated_at as stored_at, t.crm_updated_at as deleted_at
                  from import_opportunity_stage s
                  -- lateral + limit: one index look-up per line, never a scan of the whole table per batch;
                  -- for share: the customer's columns copied below stay its columns until this batch commits (V13)
                  left join lateral (select id, home_unit_id, customer_since, segment from customer c
                                      where c.external_id = s.customer limit 1 for share) c on true
                  left join lateral (select id from business_unit u where u.code = s.product_unit limit 1) u on true
                  left join lateral (select id, crm_updated_at from opportunity o
                                      where o.external_id = s.external_id limit 1) o on true
                  left join lateral (select crm_updated_at from opportunity_tombstone t
                                      where t.external_id = s.external_id limit 1) t on true
            ), merged as (
                insert into opportunity as o (external_id, customer_id, product_unit_id, product, owner, status,
                                              opened_at, closed_at, amount, crm_updated_at, customer_home_unit_id,
                                              customer_since, customer_segment)
                select external_id, customer_id, product_unit_id, product, owner, status, opened_at, closed_at,
                       amount, crm_updated_at, customer_home_unit_id, customer_since, customer_segment
                  from stage
                 where customer_id is not null and product_unit_id is not null
                   and (stored or deleted_at is null or crm_updated_at is null or crm_updated_at > deleted_at)
                on conflict (external_id) do update
                   set customer_id = excluded.customer_id, product_unit_id = excluded.product_unit_id,
                       product = excluded.product, owner = excluded.owner, status = excluded.status,
                       opened_at = excluded.opened_at, closed_at = excluded.closed_at, amount = excluded.amount,
                       crm_updated_at = excluded.crm_updated_at, updated_at = now(),
                       customer_home_unit_id = excluded.customer_home_unit_id,
                       customer_since = excluded.customer_since, customer_segment = excluded.customer_segment
                 where o.crm_updated_at is null or excluded.crm_updated_at is null
                    or excluded.crm_updated_at > o.crm_updated_at
                returning o.external_id, xmax = 0 as inserted
            ), revived as (
                delete from opportunity_tombstone t using merged m where t.external_id = m.external_id
            )
            select s.line, s.external_id, s.customer, s.product_unit,
                   case when s.customer_id is null then 'MISSING_CUSTOMER'
                        when s.product_unit_id is null then 'MISSING_UNIT'
                        when m.external_id is null then
                            case when coalesce(s.stored_at, s.deleted_at) = s.crm_updated_at then 'UNCHANGED'
                                 else 'STALE' end
                        when m.inserted then 'CREATED'
                        else 'UPDATED' end as outcome
              from stage s left join merged m on m.external_id = s.external_id
             order by s.line
            """;

    private final JdbcClient jdbc;

    private final DataSource dataSource;

    private final ApplicationEventPublisher events;

    private final OpportunityTombstones tombstones;

    private final ImportBatchLock importBatch;

    OpportunityBatchWriter(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events,
            OpportunityTombstones tombstones, ImportBatchLock importBatch) {
        this.tombstones = tombstones;
        this.importBatch = importBatch;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
    }

    /**
     * Writes one batch (each key at most once, none that another lane writes) in one transaction, holding import lane
     * {@code lane}'s lock; lines with unknown references are rejected.
     */
    @Transactional
    public List<RowOutcome> write(List<BatchRow<OpportunityRequest>> batch, int lane) {
        tombstones.lockAll(lane); // single-record writers, on any instance, wait; other lanes run (RecordTombstones)
        importBatch.hold(); // the count folder postpones its rounds while import batches run (ImportBatchLock)
        jdbc.sql(STAGE).update();
        var rows = new StagingRows();
        for (var row : batch) {
            var o = row.values();
            rows.add(row.line(), row.key(), o.customer(), o.productUnit(), o.product(), o.owner(), o.status(),
                    o.openedAt(), o.closedAt(), o.amount(), o.updatedAt());
        }
        rows.copyInto(dataSource, "import_opportunity_stage");
        jdbc.sql("analyze import_opportunity_stage").update(); // plan the merge on real statistics of this batch
        // the merge copies the customer's columns itself, from the rows it locks: the per-row trigger skips (V13)
        jdbc.sql("select set_config('crosssell.customer_columns_copied', 'on', true)").query(String.class).single();
        var created = new ArrayList<String>();
        var outcomes = jdbc.sql(MERGE).query((rs, n) -> {
            var line = rs.getLong("line");
            var key = rs.getString("external_id");
            var outcome = rs.getString("outcome");
            if ("MISSING_CUSTOMER".equals(outcome)) {
                return RowOutcome.rejected(line, key,
                        "customer '%s' does not exist".formatted(rs.getString("customer")));
            }
            if ("MISSING_UNIT".equals(outcome)) {
                return RowOutcome.rejected(line, key,
                        "productUnit '%s' does not exist".formatted(rs.getString("product_unit")));
            }
            if ("CREATED".equals(outcome)) {
                created.add(key);
            }
            return new RowOutcome(line, key, WriteOutcome.valueOf(outcome), null);
        }).list();
        if (!created.isEmpty()) {
            events.publishEvent(new RecordsStored(RecordType.OPPORTUNITY, created));
        }
        return outcomes;
    }
}
