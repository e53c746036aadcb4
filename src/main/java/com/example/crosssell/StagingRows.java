package com.example.crosssell;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * One batch of rows for a bulk import's staging table, sent with PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}
 * on the transaction's connection: the fastest way into the database, and the batch writers then merge the staging
 * table into the records with one set-based statement (docs/benchmarks.md).
 */
public final class StagingRows {

    private final StringBuilder csv = new StringBuilder(64 * 1024);

    /** Appends one row; {@code null} becomes SQL NULL (an unquoted empty field), everything else is quoted. */
    public StagingRows add(@Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            var value = values[i];
            if (value != null) {
                csv.append('"').append(text(value).replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
        return this;
    }

    /** Copies the rows into {@code table} (columns in {@link #add} order) on the current transaction's connection. */
    public void copyInto(DataSource dataSource, String table) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " from stdin (format csv)", new StringReader(csv.toString()));
        }
        catch (SQLException | IOException ex) {
            throw new DataAccessResourceFailureException("COPY into the staging table failed", ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String text(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
