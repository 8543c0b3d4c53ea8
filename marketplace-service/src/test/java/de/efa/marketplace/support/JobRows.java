package de.efa.marketplace.support;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Jobs written straight into the database, as if they had run: a subscription's history in a few lines, without a
 * broker. A finished job finished a minute ago; an unfinished one is not due for a day, so no worker takes it.
 */
public final class JobRows {

    private final AgroalDataSource dataSource;

    public JobRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A job of the subscription after those inserted before; returns its id. */
    public UUID insert(UUID subscription, UUID serviceId, String brokerUrl, String operation, String status,
                       String planId) {
        UUID id = UUID.randomUUID();
        boolean finished = status.equals("SUCCEEDED") || status.equals("FAILED");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO provisioning_job (id, subscription_id, operation, ags, tenant_name, land, service_id,
                         plan_id, previous_plan_id, parameters, instance_id, status, step, broker_url, provider_id,
                         next_attempt_at, requested_at, received_at, finished_at)
                     VALUES (?, ?, ?, '14713000', 'Leipzig, Stadt', '14', ?, ?, ?, '{}', ?, ?, 'SEND', ?, 'akdb',
                         now() + interval '1 day', now() - interval '2 minutes', now() - interval '2 minutes',
                         CASE WHEN ? THEN now() - interval '1 minute' END)
                     """)) {
            insert.setObject(1, id);
            insert.setObject(2, subscription);
            insert.setString(3, operation);
            insert.setObject(4, serviceId);
            insert.setString(5, planId);
            insert.setString(6, operation.equals("UPDATE") ? "standard" : null);
            insert.setObject(7, subscription);
            insert.setString(8, status);
            insert.setString(9, brokerUrl);
            insert.setBoolean(10, finished);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("the job could not be inserted", e);
        }
        return id;
    }
}
