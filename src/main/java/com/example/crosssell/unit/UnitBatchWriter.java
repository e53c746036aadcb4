package com.example.crosssell.unit;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.example.crosssell.BatchRow;
import com.example.crosssell.RecordType;
import com.example.crosssell.RecordsStored;
import com.example.crosssell.RowOutcome;
import com.example.crosssell.StagingRows;
import com.example.crosssell.WriteOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The bulk import's write path of units: COPY into a staging table, then one merge (units carry no version). */
@Repository
public class UnitBatchWriter {

    private static final String STAGE = """
            create temp table if not exists import_unit_stage (line bigint, code text collate "C", name text)
                on commit delete rows
            """;

    private static final String MERGE = """
            with merged as (
                insert into business_unit as u (code, name)
                select code, name from import_unit_stage
                on conflict (code) do update set name = excluded.name, updated_at = now()
                returning u.code, xmax = 0 as inserted
            )
            select s.line, s.code, m.inserted
              from import_unit_stage s join merged m on m.code = s.code
             order by s.line
            """;

    private final JdbcClient jdbc;

    private final DataSource dataSource;

    private final ApplicationEventPublisher events;

    UnitBatchWriter(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
    }

    /** Writes one batch (each code at most once) in one transaction. */
    @Transactional
    public List<RowOutcome> write(List<BatchRow<UnitRequest>> batch) {
        jdbc.sql(STAGE).update();
        var rows = new StagingRows();
        batch.forEach(row -> rows.add(row.line(), row.key(), row.values().name()));
        rows.copyInto(dataSource, "import_unit_stage");
        jdbc.sql("analyze import_unit_stage").update(); // plan the merge on real statistics of this batch
        var created = new ArrayList<String>();
        var outcomes = jdbc.sql(MERGE).query((rs, n) -> {
            var inserted = rs.getBoolean("inserted");
            if (inserted) {
                created.add(rs.getString("code"));
            }
            return new RowOutcome(rs.getLong("line"), rs.getString("code"),
                    inserted ? WriteOutcome.CREATED : WriteOutcome.UPDATED, null);
        }).list();
        if (!created.isEmpty()) {
            events.publishEvent(new RecordsStored(RecordType.UNIT, created));
        }
        return outcomes;
    }
}
