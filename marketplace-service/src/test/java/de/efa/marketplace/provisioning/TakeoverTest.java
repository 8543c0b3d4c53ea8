package de.efa.marketplace.provisioning;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.efa.infra.test.SqlProbe;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static de.efa.marketplace.support.Brokers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Replicas share the jobs through leases. A job whose worker died mid-conversation (say, the service was killed) is
 * taken over once its lease has run out, and resumes where the database says it stood: here polling the broker's
 * operation, without a new PUT. A job another replica holds is left to it, and so is its subscription.
 */
@QuarkusTest
class TakeoverTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    @Test
    void aJobLeftInProgressByADeadWorkerIsResumedAfterItsLease() throws SQLException {
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        broker.stub(broker.lastOperation(subscription).willReturn(json(200, "{\"state\":\"succeeded\"}")));
        broker.stub(broker.provision(subscription).willReturn(json(409, "{}")));

        UUID jobId = insertPollingJob(serviceId, subscription, broker.url(), "now() - interval '1 second'");

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getString("id")).isEqualTo(jobId.toString());
        assertThat(job.getString("dashboardUrl")).isEqualTo("http://broker.example/dashboard/abandoned");
        assertThat(job.getList("attempts.action")).containsExactly("LAST_OPERATION");
        assertThat(broker.lastOperationRequests(subscription).get(0).queryParameter("operation").firstValue())
                .isEqualTo("provision-42");
        assertThat(broker.requests("PUT", subscription)).isEmpty();
    }

    /**
     * Another replica drives the older job of a subscription (it holds the lease): this replica does not claim the
     * subscription's newer job, not even to begin it, until that one has finished.
     */
    @Test
    void aNewerJobWaitsWhileAnotherReplicaDrivesAnOlderJobOfItsSubscription() throws SQLException {
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        Topics topics = new Topics(kafka);
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));
        UUID older = insertPollingJob(serviceId, subscription, broker.url(), "now() + interval '5 minutes'");

        String newer = topics.request(Topics.CANCELLATION_REQUESTED, subscription, serviceId, "standard");
        OperatorApi.awaitJobById(newer, "PENDING");

        SqlProbe probe = new SqlProbe(dataSource);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> probe.single("SELECT status || ' ' || (lease_token IS NULL) FROM provisioning_job"
                        + " WHERE id = ?::uuid", newer), equalTo(Optional.of("PENDING true")));
        assertThat(broker.calls(subscription)).isEmpty();

        // The other replica finishes its job.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement finish = connection.prepareStatement("UPDATE provisioning_job SET status = 'SUCCEEDED',"
                     + " finished_at = now(), lease_token = NULL, lease_until = NULL WHERE id = ?")) {
            finish.setObject(1, older);
            assertThat(finish.executeUpdate()).isEqualTo(1);
        }

        assertThat(OperatorApi.awaitJobById(newer, "SUCCEEDED").getList("attempts.action"))
                .containsExactly("DEPROVISION");
        assertThat(broker.requests("DELETE", subscription)).hasSize(1);
    }

    /** A PROVISION job polling its broker, as a worker of another replica left it, leased until {@code leaseUntil}. */
    private UUID insertPollingJob(UUID serviceId, UUID subscription, String brokerUrl, String leaseUntil)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO provisioning_job (id, subscription_id, operation, ags, tenant_name, land, service_id,
                         plan_id, parameters, instance_id, status, step, broker_url, provider_id, broker_operation,
                         dashboard_url, poll_started_at, next_attempt_at, lease_token, lease_until, requested_at,
                         received_at)
                     VALUES (?, ?, 'PROVISION', '14713000', 'Leipzig, Stadt', '14', ?, 'standard', '{}', ?,
                         'IN_PROGRESS', 'POLL', ?, 'akdb', 'provision-42', 'http://broker.example/dashboard/abandoned',
                         now(), now(), ?, %s, now(), now())
                     """.formatted(leaseUntil))) {
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
