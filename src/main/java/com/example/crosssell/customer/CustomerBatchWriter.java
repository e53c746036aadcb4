package com.example.crosssell.customer;

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
 * The bulk import's write path of customers: one batch is COPYed into a temporary staging table and merged with one
 * statement that applies SPEC §6.4's version rule (stored customer and tombstone) and reports every line's outcome.
 */
@Repository
public class CustomerBatchWriter {

    private static final String STAGE = """
            create temp table if not exists import_customer_stage (
                line bigint, external_id text collate "C", name text, home_unit text collate "C",
                customer_since date, segment text, crm_updated_at timestamptz
            ) on commit delete rows
            """;

    /*
     * Per line, only what every line needs is looked up before the insert: its unit (memoized: few units) and its
     * tombstone (usually none). Whether the customer is stored is left to ON CONFLICT, and the stored version is read
     * only for the lines the merge did not write (stale, unchanged, or a write that changes nothing), from the
     * statement's snapshot, i.e. before the merge. A write that would change no column is skipped (IS DISTINCT
     * FROM), so no row is rewritten and no update trigger fires for it; it still counts as UPDATED, as a PUT does.
     * Lateral joins and LIMIT 1 sub-selects keep every look-up an index probe, never a scan of a whole table.
     */
    private static final String MERGE = """
            with stage as (
                select s.*, u.id as home_unit_id, t.crm_updated_at as deleted_at
                  from import_customer_stage s
                  left join lateral (select id from business_unit u where u.code = s.home_unit limit 1) u on true
                  left join lateral (select crm_updated_at from customer_tombstone t
                                      where t.external_id = s.external_id limit 1) t on true
            ), merged as (
                insert into customer as c (external_id, name, home_unit_id, customer_since, segment, crm_updated_at)
                select external_id, name, home_unit_id, customer_since, segment, crm_updated_at
                  from stage s
                 where home_unit_id is not null
                   and (deleted_at is null or crm_updated_at is null or crm_updated_at > deleted_at
                        or (select true from customer c where c.external_id = s.external_id limit 1))
                on conflict (external_id) do update
                   set name = excluded.name, home_unit_id = excluded.home_unit_id,
                       customer_since = excluded.customer_since, segment = excluded.segment,
                       crm_updated_at = excluded.crm_updated_at, updated_at = now()
                 where (c.crm_updated_at is null or excluded.crm_updated_at is null
                        or excluded.crm_updated_at > c.crm_updated_at)
                   and (c.name, c.home_unit_id, c.customer_since, c.segment, c.crm_updated_at)
                       is distinct from (excluded.name, excluded.home_unit_id, excluded.customer_since,
                                         excluded.segment, excluded.crm_updated_at)
                returning c.external_id, xmax = 0 as inserted
            ), revived as (
                delete from customer_tombstone t
                 where t.external_id = any (array(select s.external_id from stage s join merged m using (external_id)
                                                   where s.deleted_at is not null))
            )
            select s.line, s.external_id, s.home_unit,
                   case when s.home_unit_id is null then 'MISSING'
                        when m.inserted then 'CREATED'
                        when m.external_id is not null then 'UPDATED'
                        else coalesce((select case when c.crm_updated_at is null or s.crm_updated_at is null
                                                        then 'UPDATED'
                                                   when s.crm_updated_at = c.crm_updated_at then 'UNCHANGED'
                                                   else 'STALE' end
                                         from customer c where c.external_id = s.external_id limit 1),
                                      case when s.deleted_at = s.crm_updated_at then 'UNCHANGED' else 'STALE' end)
                   end as outcome
              from stage s left join merged m on m.external_id = s.external_id
             order by s.line
            """;

    private final JdbcClient jdbc;

    private final DataSource dataSource;

    private final ApplicationEventPublisher events;

    private final CustomerTombstones tombstones;

    private final ImportBatchLock importBatch;

    CustomerBatchWriter(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events,
            CustomerTombstones tombstones, ImportBatchLock importBatch) {
        this.tombstones = tombstones;
        this.importBatch = importBatch;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
    }

    /**
     * Writes one batch (each key at most once, none that another lane writes) in one transaction, holding import lane
     * {@code lane}'s lock; lines with an unknown homeUnit are rejected.
     */
    @Transactional
    public List<RowOutcome> write(List<BatchRow<CustomerRequest>> batch, int lane) {
        tombstones.lockAll(lane); // single-record writers, on any instance, wait; other lanes run (RecordTombstones)
        importBatch.hold(); // the count folder postpones its rounds while import batches run (ImportBatchLock)
        jdbc.sql(STAGE).update();
        var rows = new StagingRows();
        for (var row : batch) {
            var c = row.values();
            rows.add(row.line(), row.key(), c.name(), c.homeUnit(), c.customerSince(), c.segment(), c.updatedAt());
        }
        rows.copyInto(dataSource, "import_customer_stage"); // no ANALYZE: the merge's plan does not depend on it
        var created = new ArrayList<String>();
        var outcomes = jdbc.sql(MERGE).query((rs, n) -> {
            var key = rs.getString("external_id");
            var outcome = rs.getString("outcome");
            if ("MISSING".equals(outcome)) {
                return RowOutcome.rejected(rs.getLong("line"),
                        key, "homeUnit '%s' does not exist".formatted(rs.getString("home_unit")));
            }
            if ("CREATED".equals(outcome)) {
                created.add(key);
            }
            return new RowOutcome(rs.getLong("line"), key, WriteOutcome.valueOf(outcome), null);
        }).list();
        if (!created.isEmpty()) {
            events.publishEvent(new RecordsStored(RecordType.CUSTOMER, created));
        }
        return outcomes;
    }
}
