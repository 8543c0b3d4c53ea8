package de.efa.marketplace.support;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of an older version of this service, in a schema of its own of the test database and with connections
 * of its own: migrated up to that version first, so that a test can store rows as that version did, and then to
 * the current one, as an upgrade would.
 */
public final class OlderSchema implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String name;

    private OlderSchema(String prefix) {
        Config config = ConfigProvider.getConfig();
        this.url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        this.user = config.getValue("quarkus.datasource.username", String.class);
        this.password = config.getValue("quarkus.datasource.password", String.class);
        this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A new schema with this service's migrations up to {@code version}, without the platform's. */
    public static OlderSchema at(String prefix, String version) {
        OlderSchema schema = new OlderSchema(prefix);
        Flyway.configure().dataSource(schema.url, schema.user, schema.password).schemas(schema.name)
                .locations("db/migration").target(version).load().migrate();
        return schema;
    }

    public String name() {
        return name;
    }

    /** Applies the rest of this service's migrations and the platform's, as the current version starts. */
    public void upgrade() {
        Flyway.configure().dataSource(url, user, password).schemas(name).locations("db/migration", "db/platform")
                .load().migrate();
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
