package com.example.crosssell.config;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the PostgreSQL server runs without autovacuum (docs/scaling.md, "Operations"). Some tables
 * take rows in and delete them all day: the count changes ({@code kpi_*_delta}, folded every second, whose migrations
 * ask autovacuum to clean each after 5 000 dead rows) and {@code data_version_pending}. Without autovacuum their dead
 * rows pile up, and every KPI read that scans them slows down: after the benchmark's webhook phase at full scale,
 * 150 000 dead rows of {@code kpi_customer_month_delta} made the matrix's customer bases 9 ms instead of 0.6 ms. The
 * service cannot change the server's setting; it says so once.
 */
@Component
class AutovacuumCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final JdbcClient jdbc;

    AutovacuumCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("select current_setting('autovacuum'), current_setting('track_counts')")
                .query((rs, rowNum) -> warning(rs.getString(1), rs.getString(2))).single().ifPresent(log::warn);
    }

    /** The warning for the server's {@code autovacuum} and {@code track_counts} (autovacuum needs both on). */
    static Optional<String> warning(String autovacuum, String trackCounts) {
        if ("on".equals(autovacuum) && "on".equals(trackCounts)) {
            return Optional.empty();
        }
        return Optional.of(("PostgreSQL runs with autovacuum=%s, track_counts=%s: the count changes (kpi_*_delta) and "
                + "data_version_pending keep their dead rows and KPI reads slow down as they grow. Turn both on "
                + "(the default), or VACUUM these tables regularly.").formatted(autovacuum, trackCounts));
    }
}
