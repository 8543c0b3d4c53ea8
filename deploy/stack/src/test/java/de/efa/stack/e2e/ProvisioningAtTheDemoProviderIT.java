package de.efa.stack.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.stack.Service;
import de.efa.stack.Stack;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The marketplace-service against the real demo provider, fed with request events as the tenant-service sends
 * them: one job and one instance however often an event arrives, and a job in flight when the service dies is
 * finished after a restart without a second instance.
 */
@ExtendWith(StackExtension.class)
class ProvisioningAtTheDemoProviderIT {

    private static final String LEIPZIG = "14713000";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Stack stack;
    private static Accounts accounts;
    private static String serviceId;

    @BeforeAll
    static void aPublishedServiceKnownToTheMarketplace(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        Providers.registered(stack, accounts);
        serviceId = Providers.publishedByAkdb(stack, accounts, "provisioning");
    }

    @Test
    void theSameRequestThreeTimesMakesOneJobAndOneInstance() throws Exception {
        String subscriptionId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        for (int delivery = 0; delivery < 3; delivery++) {
            publishRequest(subscriptionId, eventId);
        }

        JsonPath job = awaitJob(subscriptionId, "SUCCEEDED");
        assertThat(job.getString("dashboardUrl")).startsWith(stack.url(Service.DEMO_PROVIDER));
        assertThat(jobsOf(subscriptionId)).hasSize(1);
        assertThat(instanceStates(subscriptionId)).containsExactly("PROVISIONED");
        assertThat(puts(job)).isEqualTo(1);
    }

    @Test
    void aJobInFlightWhenTheServiceDiesIsFinishedAfterARestart() throws Exception {
        String subscriptionId = UUID.randomUUID().toString();
        publishRequest(subscriptionId, UUID.randomUUID().toString());
        // The demo provider takes a few seconds per instance; the broker has accepted it once the job is in progress.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> instanceStates(subscriptionId).contains("PROVISIONING"));

        stack.kill(Service.MARKETPLACE);
        stack.restart(Service.MARKETPLACE);

        awaitJob(subscriptionId, "SUCCEEDED");
        assertThat(jobsOf(subscriptionId)).hasSize(1);
        assertThat(instanceStates(subscriptionId)).containsExactly("PROVISIONED");
    }

    private static void publishRequest(String subscriptionId, String eventId) throws Exception {
        Map<String, Object> request = Map.of(
                "subscriptionId", subscriptionId, "operation", "PROVISION", "ags", LEIPZIG,
                "tenantName", "Leipzig, Stadt", "land", "14", "serviceId", serviceId, "planId", "standard",
                "parameters", ServiceFixture.parametersOfHalle(), "requestedAt", Instant.now().toString());
        ProducerRecord<String, String> record = new ProducerRecord<>("efa.onboarding.requests.v1", subscriptionId,
                JSON.writeValueAsString(request));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", "/efa/tenant-service", "ce_type", "de.efa.subscription.requested.v1",
                "ce_time", Instant.now().toString(), "ce_subject", subscriptionId, "content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> kafka = new HashMap<>(stack.kafkaClientProperties());
        kafka.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        kafka.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka)) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Map<String, Object>> jobsOf(String subscriptionId) {
        return as(stack, Service.MARKETPLACE, accounts.user("operator"))
                .queryParam("subscriptionId", subscriptionId)
                .get("/api/v1/provisioning/jobs")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static JsonPath awaitJob(String subscriptionId, String status) {
        String jobId = await().atMost(PATIENCE).until(
                () -> jobsOf(subscriptionId).stream().map(job -> (String) job.get("id")).findFirst().orElse(null),
                id -> id != null);
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(
                () -> as(stack, Service.MARKETPLACE, accounts.user("operator"))
                        .get("/api/v1/provisioning/jobs/" + jobId)
                        .then().statusCode(200).extract().jsonPath(),
                job -> status.equals(job.getString("status")));
    }

    private static long puts(JsonPath job) {
        return job.getList("attempts.action", String.class).stream().filter("PROVISION"::equals).count();
    }

    private static List<String> instanceStates(String instanceId) {
        return as(stack, Service.DEMO_PROVIDER, accounts.client("marketplace-service"))
                .queryParam("ags", LEIPZIG).queryParam("size", 100)
                .get("/instances")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.instance_id == '" + instanceId + "' }.state", String.class);
    }
}
