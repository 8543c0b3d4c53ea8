package de.efa.demoprovider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.infra.test.SqlProbe;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the provider's database holds, read directly, so that tests see state changes and their absence. */
final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    Rows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<String> instanceState(String instanceId) {
        return single("SELECT state FROM service_instance WHERE instance_id = ?", instanceId);
    }

    Optional<String> planOf(String instanceId) {
        return single("SELECT plan_id FROM service_instance WHERE instance_id = ?", instanceId);
    }

    Map<String, Object> parametersOf(String instanceId) {
        String json = single("SELECT parameters::text FROM service_instance WHERE instance_id = ?", instanceId)
                .orElseThrow();
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<String> suspendedOf(String instanceId) {
        return single("SELECT suspended::text FROM service_instance WHERE instance_id = ?", instanceId);
    }

    /** The provider whose broker path the instance was provisioned through; empty for none. */
    Optional<String> providerOf(String instanceId) {
        return single("SELECT provider_id FROM service_instance WHERE instance_id = ?", instanceId);
    }

    long operationsOf(String instanceId) {
        return Long.parseLong(single("SELECT count(*) FROM instance_operation WHERE instance_id = ?", instanceId)
                .orElseThrow());
    }

    /**
     * Writes rows the way a previous run of the provider would have left them: an instance at the broker of
     * {@code providerId} (null: one from before the brokers had paths of their own) and its operation.
     */
    void insertRunningProvisioning(String providerId, String instanceId, UUID operation, Instant requestedAt,
                                   Instant dueAt) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writeRunningProvisioning(connection, providerId, instanceId, operation, requestedAt, dueAt);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same rows, written with the caller's connection and left to the caller's transaction. */
    void writeRunningProvisioning(Connection connection, String providerId, String instanceId, UUID operation,
                                  Instant requestedAt, Instant dueAt) throws SQLException {
        try (PreparedStatement instance = connection.prepareStatement("INSERT INTO service_instance (instance_id,"
                + " provider_id, service_id, plan_id, context, parameters, state, current_operation_id, created_at,"
                + " updated_at)"
                + " VALUES (?, ?, 's', 'standard', '{\"ags\":\"14713000\"}', '{}', 'PROVISIONING', ?, ?, ?)");
             PreparedStatement operationRow = connection.prepareStatement("INSERT INTO instance_operation (id,"
                     + " instance_id, kind, state, description, requested_at, due_at)"
                     + " VALUES (?, ?, 'PROVISION', 'IN_PROGRESS', 'Setting up the demo SaaS instance', ?, ?)")) {
            instance.setString(1, instanceId);
            instance.setString(2, providerId);
            instance.setObject(3, operation);
            instance.setTimestamp(4, Timestamp.from(requestedAt));
            instance.setTimestamp(5, Timestamp.from(requestedAt));
            instance.executeUpdate();
            operationRow.setObject(1, operation);
            operationRow.setString(2, instanceId);
            operationRow.setTimestamp(3, Timestamp.from(requestedAt));
            operationRow.setTimestamp(4, Timestamp.from(dueAt));
            operationRow.executeUpdate();
        }
    }

    private Optional<String> single(String sql, String argument) {
        return new SqlProbe(dataSource).single(sql, argument);
    }
}
