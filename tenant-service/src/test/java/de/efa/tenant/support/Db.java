package de.efa.tenant.support;

import de.efa.infra.test.SqlProbe;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Reads the service's own database the way an auditor would: plain SQL, no entities. */
public final class Db {

    private final SqlProbe probe;
    private final AgroalDataSource dataSource;

    public Db(AgroalDataSource dataSource) {
        this.probe = new SqlProbe(dataSource);
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... parameters) {
        return probe.count(sql, parameters);
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

    /** The ce_id of the subscription's latest request event: the job id its results must carry. */
    public UUID latestRequest(String subscriptionId) {
        return probe.single("SELECT request_id::text FROM subscription WHERE id = ?::uuid", subscriptionId)
                .map(UUID::fromString)
                .orElseThrow(() -> new IllegalStateException("subscription " + subscriptionId + " has no request"));
    }

    /** The same, or null before the subscription's first request (an interest). */
    public UUID latestRequestOrNull(String subscriptionId) {
        return probe.single("SELECT request_id::text FROM subscription WHERE id = ?::uuid", subscriptionId)
                .map(UUID::fromString).orElse(null);
    }

    /** The id (ce_id) of the one outbox event of this key and type. */
    public UUID outboxEvent(String key, String type) {
        return probe.single("SELECT id::text FROM outbox_event WHERE record_key = ? AND type = ?", key, type)
                .map(UUID::fromString)
                .orElseThrow(() -> new IllegalStateException("no " + type + " event of key " + key));
    }

    /** The types of the outbox events of this key, in the order they were written; none, an empty list. */
    public List<String> outboxTypes(String key) {
        return probe.single("SELECT string_agg(type, ',' ORDER BY seq) FROM outbox_event WHERE record_key = ?", key)
                .map(types -> List.of(types.split(","))).orElse(List.of());
    }

    /** Arranges what no API call can: e.g. an interest that waited longer than it may. */
    public void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    public long catalogVersion(UUID serviceId) {
        return count("SELECT coalesce(max(version), -1) FROM catalog_service WHERE id = ?", serviceId);
    }
}
