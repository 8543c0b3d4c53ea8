package de.efa.platform.support;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An outbox of its own, in a schema of the test database made by the platform's migration, for tests that drive a
 * relay pass with a producer they control: the application's relay would take (and send) whatever is written to the
 * application's outbox before such a pass could.
 */
@ApplicationScoped
public class SeparateOutbox {

    private static final String SCHEMA = "separate_outbox";

    private final AgroalDataSource application;
    private final String url;
    private final String user;
    private final String password;
    private AgroalDataSource dataSource;
    private Sql sql;

    public SeparateOutbox(AgroalDataSource application,
                          @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") String user,
                          @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.application = application;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The outbox's data source, its tables made on first use and emptied on every call. */
    public synchronized AgroalDataSource emptied() throws SQLException {
        if (dataSource == null) {
            try (Connection connection = application.getConnection(); Statement create = connection.createStatement()) {
                create.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            }
            dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(3)
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA)
                                    .principal(new NamePrincipal(user))
                                    .credential(new SimplePassword(password)))));
            try (Connection connection = dataSource.getConnection(); Statement migrate = connection.createStatement()) {
                migrate.execute(platformMigration());
            }
            sql = new Sql(dataSource);
        }
        sql.update("DELETE FROM outbox_event");
        return dataSource;
    }

    /** Plain SQL in this outbox's schema. */
    public Sql sql() {
        return sql;
    }

    /** An event as {@code Outbox.write} stores it. */
    public UUID write(String topic, String key, String type, String payload) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO outbox_event (id, topic, record_key, type, payload) VALUES (?, ?, ?, ?, ?)",
                id, topic, key, type, payload);
        return id;
    }

    @PreDestroy
    synchronized void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private static String platformMigration() {
        try (InputStream script = SeparateOutbox.class.getResourceAsStream("/db/platform/R__platform_tables.sql")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
