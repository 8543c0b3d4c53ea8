package de.efa.tenant.support;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the service's own database the way an auditor would: plain SQL, no entities. */
public final class Db {

    private final AgroalDataSource dataSource;

    public Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long tenants(String ags) {
        return count("SELECT count(*) FROM tenant WHERE ags = ?", ags);
    }

    public long subscriptions(String ags) {
        return count("SELECT count(*) FROM subscription WHERE ags = ?", ags);
    }

    /** Outbox events about any subscription of the tenant (their payload names its AGS). */
    public long requestEvents(String ags) {
        return count("SELECT count(*) FROM outbox_event WHERE payload::jsonb ->> 'ags' = ?", ags);
    }

    public long catalogVersion(java.util.UUID serviceId) {
        return count("SELECT coalesce(max(version), -1) FROM catalog_service WHERE id = ?", serviceId);
    }
}
