package com.example.crosssell.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives the tests a real, empty PostgreSQL database, chosen once per JVM: a {@code postgres:15} container when a
 * Docker engine answers, otherwise a fresh {@code crosssell_test_<random>} database on the server named by
 * {@code PGHOST}/{@code PGPORT}/{@code PGUSER}/{@code PGPASSWORD} (default 127.0.0.1:5432, postgres), dropped when
 * the JVM exits. Never H2, never skipped: without either it fails and says how to fix it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    @Bean
    DynamicPropertyRegistrar testDatabaseProperties() {
        var database = Holder.DATABASE;
        return registry -> {
            registry.add("spring.datasource.url", database::url);
            registry.add("spring.datasource.username", database::user);
            registry.add("spring.datasource.password", database::password);
        };
    }

    /** The database of this JVM's tests, for a test that starts application instances of its own. */
    public static Database database() {
        return Holder.DATABASE;
    }

    /** Connection facts of the database the tests use. */
    public record Database(String url, String user, String password) {
    }

    /** Per-JVM holder: the database is created on first use and removed at JVM exit. */
    private static final class Holder {
        static final Database DATABASE = start();

        private static Database start() {
            if (!"false".equalsIgnoreCase(System.getenv("CROSSSELL_TEST_DOCKER"))
                    && DockerClientFactory.instance().isDockerAvailable()) {
                return startContainer();
            }
            return createOnLocalServer();
        }

        @SuppressWarnings("resource") // stopped by Testcontainers' reaper at JVM exit
        private static Database startContainer() {
            var container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            log.info("Tests use a PostgreSQL container at {}", container.getJdbcUrl());
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }

        private static Database createOnLocalServer() {
            var host = env("PGHOST", "127.0.0.1");
            var port = env("PGPORT", "5432");
            var user = env("PGUSER", "postgres");
            var password = env("PGPASSWORD", "");
            var name = "crosssell_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                    .toLowerCase(Locale.ROOT);
            var maintenanceUrl = "jdbc:postgresql://%s:%s/postgres".formatted(host, port);
            execute(maintenanceUrl, user, password, "create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> execute(maintenanceUrl, user, password, "drop database if exists " + name + " with (force)")));
            log.info("Tests use the fresh database {} on {}:{}", name, host, port);
            return new Database("jdbc:postgresql://%s:%s/%s".formatted(host, port, name), user, password);
        }

        private static void execute(String url, String user, String password, String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    var statement = connection.createStatement()) {
                statement.execute(sql);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("""
                        The tests need a real PostgreSQL and found none: no Docker engine answered, and '%s' failed \
                        on %s (%s). Start PostgreSQL (e.g. 'pg_ctlcluster 15 main start') or set PGHOST, PGPORT, \
                        PGUSER and PGPASSWORD to a server where this user may create databases.\
                        """.formatted(sql, url, ex.getMessage()), ex);
            }
        }

        private static String env(String name, String fallback) {
            var value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
