package de.efa.infra.postgres;

import de.efa.infra.net.Ports;
import de.efa.infra.test.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A commit that was answered survives a crash: every PostgreSQL the project starts (the services' test resource,
 * the local stack's server, also on the data directory of an earlier start, and through it the end-to-end and
 * benchmark stacks) flushes the WAL before it acknowledges a commit. The embedded server's own default is
 * {@code synchronous_commit=off}, and its start command disables fsync ({@code -F}) unless told otherwise.
 */
class PostgresDurabilityTest {

    @TempDir
    Path data;

    @Test
    void theServicesTestResourceCommitsDurably() throws SQLException {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of("database", "durability"));
        try {
            Map<String, String> config = resource.start();
            assertDurable(config.get("quarkus.datasource.jdbc.url"), "test resource");
        } finally {
            resource.stop();
        }
    }

    @Test
    void theLocalStacksServerCommitsDurablyOnAFreshAndOnAKeptDataDirectory() throws SQLException {
        int port = Ports.free();
        try (PostgresServer server = PostgresServer.startPersistent(data, port)) {
            assertDurable(server.jdbcUrl("postgres"), "fresh data directory");
        }
        try (PostgresServer server = PostgresServer.startPersistent(data, port)) {
            assertDurable(server.jdbcUrl("postgres"), "kept data directory");
        }
    }

    private static void assertDurable(String jdbcUrl, String server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.USER);
             Statement statement = connection.createStatement()) {
            assertEquals("on", show(statement, "fsync"), "fsync, " + server);
            assertEquals("on", show(statement, "synchronous_commit"), "synchronous_commit, " + server);
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
