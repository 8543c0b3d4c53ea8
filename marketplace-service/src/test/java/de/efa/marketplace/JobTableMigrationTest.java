package de.efa.marketplace;

import de.efa.infra.test.SqlProbe;
import de.efa.marketplace.support.OlderSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs of a database of the version with one job per subscription and operation (V3), migrated in a schema of
 * their own: they keep their ids, and of a subscription the PROVISION job still comes before its DEPROVISION job,
 * as the claim ordered them before; a new job of the same subscription and operation can be recorded after them.
 */
@QuarkusTest
class JobTableMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theJobsOfAnOlderDatabaseKeepTheirIdsAndTheirOrder() throws SQLException {
        try (OlderSchema older = OlderSchema.at("jobs", "3")) {
            String table = older.name() + ".provisioning_job";
            UUID subscription = UUID.randomUUID();
            // A resubmission reopened the PROVISION job after the DEPROVISION job had been recorded (so it was
            // received later, and its row is the newer one); the DEPROVISION job waited for it.
            UUID deprovision = insertJob(table, subscription, "DEPROVISION", "PENDING", "now() - interval '1 minute'");
            UUID provision = insertJob(table, subscription, "PROVISION", "IN_PROGRESS", "now()");
            UUID other = insertJob(table, UUID.randomUUID(), "PROVISION", "SUCCEEDED", "now() - interval '1 day'");

            older.upgrade();

            SqlProbe probe = new SqlProbe(dataSource);
            String jobs = "SELECT string_agg(id::text, ' ' ORDER BY seq) FROM " + table + " WHERE subscription_id = ?";
            assertThat(probe.single(jobs, subscription)).contains(provision + " " + deprovision);
            assertThat(probe.count("SELECT count(*) FROM " + table + " WHERE id = ?", other)).isOne();
            UUID resubmitted = insertJob(table, subscription, "PROVISION", "PENDING", "now()");
            assertThat(probe.single(jobs, subscription)).contains(provision + " " + deprovision + " " + resubmitted);
        }
    }

    private UUID insertJob(String table, UUID subscription, String operation, String status, String receivedAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                     + " (id, subscription_id, operation, ags, tenant_name, land, service_id, plan_id, parameters,"
                     + " instance_id, status, step, next_attempt_at, requested_at, received_at)"
                     + " VALUES (?, ?, ?, '14713000', 'Leipzig, Stadt', '14', ?, 'standard', '{}', ?, ?, 'SEND',"
                     + " now() + interval '1 day', now(), " + receivedAt + ")")) {
            insert.setObject(1, id);
            insert.setObject(2, subscription);
            insert.setString(3, operation);
            insert.setObject(4, UUID.randomUUID());
            insert.setObject(5, subscription);
            insert.setString(6, status);
            insert.executeUpdate();
        }
        return id;
    }
}
