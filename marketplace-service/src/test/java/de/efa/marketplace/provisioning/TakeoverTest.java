package de.efa.marketplace.provisioning;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.OperatorApi;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static de.efa.marketplace.support.Brokers.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job whose worker died mid-conversation (say, the service was killed) is taken over once its lease has run
 * out, and resumes where the database says it stood: here polling the broker's operation, without a new PUT.
 */
@QuarkusTest
class TakeoverTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectWireMock
    WireMockServer wireMock;

    @Test
    void aJobLeftInProgressByADeadWorkerIsResumedAfterItsLease() throws SQLException {
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        broker.stub(broker.lastOperation(subscription).willReturn(json(200, "{\"state\":\"succeeded\"}")));
        broker.stub(broker.provision(subscription).willReturn(json(409, "{}")));

        UUID jobId = insertAbandonedPollingJob(serviceId, subscription, broker.url());

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getString("id")).isEqualTo(jobId.toString());
        assertThat(job.getString("dashboardUrl")).isEqualTo("http://broker.example/dashboard/abandoned");
        assertThat(job.getList("attempts.action")).containsExactly("LAST_OPERATION");
        assertThat(broker.lastOperationRequests(subscription).get(0).queryParameter("operation").firstValue())
                .isEqualTo("provision-42");
        assertThat(broker.requests("PUT", subscription)).isEmpty();
    }

    private UUID insertAbandonedPollingJob(UUID serviceId, UUID subscription, String brokerUrl) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO provisioning_job (id, subscription_id, operation, ags, tenant_name, land, service_id,
                         plan_id, parameters, instance_id, status, step, broker_url, broker_operation, dashboard_url,
                         poll_started_at, next_attempt_at, lease_token, lease_until, requested_at, received_at)
                     VALUES (?, ?, 'PROVISION', '14713000', 'Leipzig, Stadt', '14', ?, 'standard', '{}', ?,
                         'IN_PROGRESS', 'POLL', ?, 'provision-42', 'http://broker.example/dashboard/abandoned',
                         now(), now(), ?, now() - interval '1 second', now(), now())
                     """)) {
            insert.setObject(1, id);
            insert.setObject(2, subscription);
            insert.setObject(3, serviceId);
            insert.setObject(4, subscription);
            insert.setString(5, brokerUrl);
            insert.setObject(6, UUID.randomUUID());
            insert.executeUpdate();
        }
        return id;
    }
}
