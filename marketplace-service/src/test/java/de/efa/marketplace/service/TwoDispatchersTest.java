package de.efa.marketplace.service;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.efa.infra.test.TestTokens;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.Topics;
import de.efa.platform.health.Heartbeats;
import de.efa.platform.tracing.Tracing;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static de.efa.marketplace.support.Brokers.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two replicas' dispatchers claim from the same table side by side (this service's and a second one, with leases
 * of its own): however they share the jobs, the broker never sees two jobs of one subscription at once, and sees
 * them in the order they were asked for.
 */
@QuarkusTest
class TwoDispatchersTest {

    private static final int BROKER_MILLIS = 150;
    private static final List<String> REQUESTS = List.of(Topics.REQUESTED, Topics.CANCELLATION_REQUESTED,
            Topics.RESUBMITTED, Topics.CANCELLATION_REQUESTED);

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    @Inject
    JobTransitions transitions;

    @Inject
    JobDriver driver;

    @Inject
    ProvisioningConfig config;

    @Inject
    Tracing tracing;

    @Test
    void twoDispatchersNeverDriveTwoJobsOfOneSubscriptionAtOnce() {
        Topics topics = new Topics(kafka);
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        List<UUID> subscriptions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID subscription = UUID.randomUUID();
            subscriptions.add(subscription);
            broker.stub(broker.provision(subscription).willReturn(json(201, "{}").withFixedDelay(BROKER_MILLIS)));
            broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}").withFixedDelay(BROKER_MILLIS)));
        }
        // Its heartbeat is its own: liveness watches this replica's dispatcher only.
        JobDispatcher secondReplica = new JobDispatcher(transitions, driver, config,
                new Heartbeats(Duration.ofMinutes(2)), tracing);
        secondReplica.onStart(null);
        try {
            List<ProducerRecord<String, String>> requests = new ArrayList<>();
            for (String type : REQUESTS) {
                subscriptions.forEach(s -> requests.add(Topics.requestRecord(type, s, serviceId, "standard")));
            }
            // In one go, so that most jobs are recorded together and the dispatchers find many due at once.
            topics.sendAll(requests);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jobs(serviceId, "SUCCEEDED"), equalTo(requests.size()));
        } finally {
            secondReplica.onStop(null);
        }

        for (UUID subscription : subscriptions) {
            List<LoggedRequest> calls = broker.calls(subscription);
            assertThat(calls).extracting(call -> call.getMethod().getName())
                    .as("the broker calls of %s", subscription).containsExactly("PUT", "DELETE", "PUT", "DELETE");
            for (int i = 1; i < calls.size(); i++) {
                // The call before was answered only after BROKER_MILLIS, and the next job began after that.
                assertThat(calls.get(i).getLoggedDate().getTime() - calls.get(i - 1).getLoggedDate().getTime())
                        .as("the gap before call %d of %s", i, subscription).isGreaterThanOrEqualTo(BROKER_MILLIS);
            }
        }
    }

    private static int jobs(UUID serviceId, String status) {
        return given().auth().oauth2(TestTokens.operator())
                .queryParam("serviceId", serviceId.toString()).queryParam("status", status).queryParam("size", 1)
                .when().get("/api/v1/provisioning/jobs")
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
