package de.efa.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;

/**
 * A real PostgreSQL 17 server from the zonky binaries, so that no machine needs a PostgreSQL installation or
 * Docker. With a data directory it keeps its data across restarts (local stack); without one it starts empty
 * in a temporary directory (tests).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts an empty, throw-away server on a free port. */
    public static PostgresServer startEphemeral() {
        return start(EmbeddedPostgres.builder());
    }

    /** Starts a server on a fixed port that keeps its data in {@code dataDirectory}. */
    public static PostgresServer startPersistent(Path dataDirectory, int port) {
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port));
    }

    private static PostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            return new PostgresServer(builder
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // More connections than the default 100: three services, their test pools and benchmarks.
                    .setServerConfig("max_connections", "300")
                    // A commit that was answered must survive a crash, in tests and benchmarks as in production.
                    // zonky starts the server with fsync off (-F) and synchronous_commit=off; both are passed at
                    // each start and outrank postgresql.conf, so a data directory of an earlier start gets them too.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Which statements take the database's time: the benchmarks read it after a run.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet; one per service, as each service owns its data. */
    public void ensureDatabases(Collection<String> databases) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + databases + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
