package de.efa.infra.test;

import de.efa.infra.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Real PostgreSQL for a service's {@code @QuarkusTest}s: one embedded server per test JVM, with the service's
 * own database (init arg {@code database}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "efa");
    }

    @Override
    public Map<String, String> start() {
        server = PostgresServer.startEphemeral();
        server.ensureDatabases(List.of(database));
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.USER);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
