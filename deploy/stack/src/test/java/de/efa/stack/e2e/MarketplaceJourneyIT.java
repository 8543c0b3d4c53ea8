package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import de.efa.stack.contract.AsyncApiDocument;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static de.efa.stack.e2e.Api.anonymous;
import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The marketplace through its public interfaces only: a provider publishes, a municipality registers and
 * subscribes, the demo provider's instance appears and goes again, a failing plan fails visibly, tenants and
 * providers stay apart, the events on the topics are CloudEvents, and a subscription is followed by the trace of
 * its request. Real processes, real Keycloak tokens.
 */
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketplaceJourneyIT {

    private static final String HALLE = "15002000";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TRACE_ID = "a3ce929d0e0e47364bf92f3577b34da6";

    private static Stack stack;
    private static Accounts accounts;
    private static String serviceId;
    private static String subscriptionId;
    private static String failingSubscriptionId;

    @BeforeAll
    static void providersAreRegistered(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        Providers.registered(stack, accounts);
    }

    @Test
    @Order(1)
    void aProviderPublishesAServiceThatGermanFullTextSearchFinds() {
        String slug = "fuehrerschein-" + UUID.randomUUID().toString().substring(0, 8);
        serviceId = as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .body(ServiceFixture.fuehrerschein(slug))
                .post("/api/v1/services")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("providerId", equalTo("akdb"))
                .extract().path("id");
        anonymous(stack, Service.CATALOG).get("/api/v1/services/" + serviceId).then().statusCode(404);

        as(stack, Service.CATALOG, accounts.client("provider-akdb"))
                .post("/api/v1/services/" + serviceId + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        anonymous(stack, Service.CATALOG).queryParam("q", "Führerscheins").get("/api/v1/services")
                .then().statusCode(200).body("items.id", hasItem(serviceId));
    }

    @Test
    @Order(2)
    void halleRegistersIsApprovedSubscribesAndGetsAnInstance() {
        as(stack, Service.TENANT, accounts.user("halle"))
                .body(Map.of("ags", HALLE, "name", "Halle (Saale), Stadt", "kind", "KREISFREIE_STADT",
                        "population", 226767, "contactEmail", "onlinedienste@halle.example"))
                .post("/api/v1/tenants")
                .then().statusCode(201).body("status", equalTo("PENDING")).body("land.name", equalTo("Sachsen-Anhalt"));
        as(stack, Service.TENANT, accounts.user("operator")).post("/api/v1/tenants/" + HALLE + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        // Sent as a caller already tracing its request would: the subscription and its job stay in that trace.
        subscriptionId = subscribe("standard", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        JsonPath active = awaitSubscription(subscriptionId, "ACTIVE");
        assertThat(active.getString("traceId")).isEqualTo(TRACE_ID);
        assertThat(as(stack, Service.MARKETPLACE, accounts.user("operator"))
                .queryParam("subscriptionId", subscriptionId).get("/api/v1/provisioning/jobs")
                .then().statusCode(200).extract().jsonPath().getList("items.traceId", String.class))
                .containsExactly(TRACE_ID);
        assertThat(active.getString("instance.dashboardUrl")).startsWith(stack.url(Service.DEMO_PROVIDER));
        assertThat(active.getList("history.status", String.class))
                .containsExactly("REQUESTED", "PROVISIONING", "ACTIVE");
        assertThat(instancesAtProvider(subscriptionId)).containsExactly("PROVISIONED");
    }

    @Test
    @Order(3)
    void cancellingRemovesTheInstanceAtTheProvider() {
        as(stack, Service.TENANT, accounts.user("halle"))
                .delete("/api/v1/tenants/" + HALLE + "/subscriptions/" + subscriptionId)
                .then().statusCode(202).body("status", equalTo("CANCELLATION_REQUESTED"));

        JsonPath cancelled = awaitSubscription(subscriptionId, "CANCELLED");
        assertThat(cancelled.getList("history.status", String.class))
                .endsWith("CANCELLATION_REQUESTED", "DEPROVISIONING", "CANCELLED");
        assertThat(instancesAtProvider(subscriptionId)).isEmpty();
    }

    @Test
    @Order(4)
    void aFailingPlanEndsFailedWithTheBrokersReasonAndTheOperatorSeesIt() {
        failingSubscriptionId = subscribe("standard-fails", null);

        JsonPath failed = awaitSubscription(failingSubscriptionId, "FAILED");
        assertThat(failed.getString("failureReason")).isNotBlank();

        JsonPath jobs = as(stack, Service.MARKETPLACE, accounts.user("operator"))
                .queryParam("ags", HALLE).queryParam("status", "FAILED")
                .get("/api/v1/provisioning/jobs")
                .then().statusCode(200).extract().jsonPath();
        String jobId = jobs.getString("items.find { it.subscriptionId == '" + failingSubscriptionId + "' }.id");
        assertThat(jobId).isNotNull();
        JsonPath job = as(stack, Service.MARKETPLACE, accounts.user("operator"))
                .get("/api/v1/provisioning/jobs/" + jobId)
                .then().statusCode(200).body("status", equalTo("FAILED")).extract().jsonPath();
        assertThat(job.getList("attempts")).isNotEmpty();
        assertThat(failed.getString("failureReason")).contains(job.getString("failureReason"));

        int failedCount = as(stack, Service.MARKETPLACE, accounts.user("operator"))
                .get("/api/v1/provisioning/stats").then().statusCode(200).extract().path("counts.FAILED");
        assertThat(failedCount).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(5)
    void municipalitiesAndProvidersStayApart() {
        as(stack, Service.TENANT, accounts.user("koeln")).get("/api/v1/tenants/" + HALLE + "/subscriptions")
                .then().statusCode(403);
        as(stack, Service.TENANT, accounts.user("koeln"))
                .get("/api/v1/tenants/" + HALLE + "/subscriptions/" + subscriptionId)
                .then().statusCode(403);

        String etag = anonymous(stack, Service.CATALOG).get("/api/v1/services/" + serviceId)
                .then().statusCode(200).extract().header("ETag");
        as(stack, Service.CATALOG, accounts.client("provider-dataport")).header("If-Match", etag)
                .body(ServiceFixture.fuehrerschein("uebernommen-" + UUID.randomUUID().toString().substring(0, 8)))
                .put("/api/v1/services/" + serviceId)
                .then().statusCode(403);
        as(stack, Service.CATALOG, accounts.client("provider-dataport"))
                .post("/api/v1/services/" + serviceId + "/deprecate")
                .then().statusCode(403);
        anonymous(stack, Service.CATALOG).get("/api/v1/services/" + serviceId)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).header("ETag", etag);
    }

    @Test
    @Order(6)
    void theOnboardingEventsAreCloudEventsDescribedInTheAsyncApiDocument() {
        Map<String, String> described = AsyncApiDocument.read().topicByEventType();
        Set<String> subscriptions = Set.of(subscriptionId, failingSubscriptionId);
        for (String topic : List.of("efa.onboarding.requests.v1", "efa.onboarding.results.v1")) {
            List<ConsumerRecord<String, String>> records = TopicReader.readAll(stack.kafkaClientProperties(), topic)
                    .stream().filter(r -> subscriptions.contains(r.key())).toList();
            assertThat(records).as(topic).isNotEmpty();
            for (ConsumerRecord<String, String> record : records) {
                Map<String, String> headers = Arrays.stream(record.headers().toArray())
                        .collect(Collectors.toMap(Header::key, h -> new String(h.value()), (a, b) -> b));
                assertThat(headers).as(topic + " " + record.value())
                        .containsEntry("ce_specversion", "1.0")
                        .containsEntry("content-type", "application/json")
                        .containsKeys("ce_id", "ce_source", "ce_type", "ce_time");
                assertThat(described).as("AsyncAPI document").containsEntry(headers.get("ce_type"), topic);
            }
        }
    }

    /** Subscribes Halle to the plan, with a W3C {@code traceparent} when one is given. */
    private static String subscribe(String planId, String traceparent) {
        Map<String, Object> body = Map.of("serviceId", serviceId, "planId", planId,
                "parameters", ServiceFixture.parametersOfHalle());
        Map<String, String> headers = traceparent == null ? Map.of() : Map.of("traceparent", traceparent);
        // The tenant-service learns of the new service from the catalog topic; until then it does not know it.
        await().atMost(PATIENCE).until(() -> as(stack, Service.TENANT, accounts.user("halle")).body(body)
                .headers(headers).post("/api/v1/tenants/" + HALLE + "/subscriptions").statusCode() != 404);
        return as(stack, Service.TENANT, accounts.user("halle"))
                .queryParam("size", 100)
                .get("/api/v1/tenants/" + HALLE + "/subscriptions")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.planId == '" + planId + "' && it.status != 'CANCELLED' }.id");
    }

    private static JsonPath awaitSubscription(String id, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(
                () -> as(stack, Service.TENANT, accounts.user("halle"))
                        .get("/api/v1/tenants/" + HALLE + "/subscriptions/" + id)
                        .then().statusCode(200).extract().jsonPath(),
                json -> status.equals(json.getString("status")));
    }

    private static List<String> instancesAtProvider(String instanceId) {
        return as(stack, Service.DEMO_PROVIDER, accounts.client("marketplace-service"))
                .queryParam("ags", HALLE).queryParam("size", 100)
                .get("/instances")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.instance_id == '" + instanceId + "' }.state", String.class);
    }
}
