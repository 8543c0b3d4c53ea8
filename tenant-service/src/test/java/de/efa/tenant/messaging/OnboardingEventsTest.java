package de.efa.tenant.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.infra.kafka.KafkaBroker;
import de.efa.infra.test.InjectKafkaBroker;
import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.EventSchemas;
import de.efa.tenant.support.OnboardingTopics;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.tenant.support.OnboardingTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The request events on the real broker, and the results from it that move a subscription. */
@QuarkusTest
class OnboardingEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectKafkaBroker
    KafkaBroker broker;

    Db db;
    CatalogTopic catalog;
    OnboardingTopics onboarding;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
        onboarding = new OnboardingTopics(kafka, db);
    }

    @Test
    void subscribingPutsTheRequestOnTheBrokerWithKeyHeadersAndPayload() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh("05"), 1000);
        UUID service = catalog.publishedService();
        String id = subscribe(ags, service);

        ConsumerRecord<String, String> record = onboarding.requests(id, 1, WAIT).get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_source")).isEqualTo("/efa/tenant-service");
        assertThat(header(record, "ce_type")).isEqualTo("de.efa.subscription.requested.v1");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_time")).endsWith("Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        JsonNode payload = json.readTree(record.value());
        assertThat(payload.path("subscriptionId").asText()).isEqualTo(id);
        assertThat(payload.path("operation").asText()).isEqualTo("PROVISION");
        assertThat(payload.path("ags").asText()).isEqualTo(ags);
        assertThat(payload.path("tenantName").asText()).isEqualTo("Testgemeinde " + ags);
        assertThat(payload.path("land").asText()).isEqualTo("05");
        assertThat(payload.path("serviceId").asText()).isEqualTo(service.toString());
        assertThat(payload.path("planId").asText()).isEqualTo("standard");
        assertThat(payload.path("parameters").path("postfach").asText()).isEqualTo("ordnungsamt@gemeinde.example");
        EventSchemas.assertSatisfied(record);
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? "
                + "AND sent_at IS NOT NULL", id) == 1);
    }

    @Test
    void aSubscriptionKeepsTheTraceOfItsRequestAndItsRequestEventCarriesIt() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        UUID service = catalog.publishedService();
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        String id = Api.asMunicipality(ags).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body(Map.of("serviceId", service.toString(), "planId", "standard",
                        "parameters", CatalogTopic.VALID_PARAMETERS))
                .post("/api/v1/tenants/" + ags + "/subscriptions")
                .then().statusCode(202).body("traceId", equalTo(traceId)).extract().path("id");

        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND traceparent LIKE ?",
                id, "00-" + traceId + "-%")).isEqualTo(1);
        ConsumerRecord<String, String> record = onboarding.requests(id, 1, WAIT).get(0);
        assertThat(header(record, "traceparent")).startsWith("00-" + traceId + "-").endsWith("-01");
        Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions/" + id).then()
                .body("traceId", equalTo(traceId));
    }

    @Test
    void aSubscriptionMadeWithoutATraceparentStartsATraceOfItsOwn() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscribe(ags, catalog.publishedService());

        String traceId = Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions/" + id).then()
                .extract().path("traceId");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND traceparent LIKE ?",
                id, "00-" + traceId + "-%")).isEqualTo(1);
    }

    @Test
    void whileKafkaIsDownSubscribingAnswers202AndTheEventFollowsOnceItIsBack() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        UUID service = catalog.publishedService();
        String id;
        broker.stop();
        try {
            id = subscribe(ags, service);
            assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND sent_at IS NULL", id))
                    .isEqualTo(1);
        } finally {
            broker.start();
        }
        List<ConsumerRecord<String, String>> records = onboarding.requests(id, 1, WAIT);
        assertThat(header(records.get(0), "ce_type")).isEqualTo("de.efa.subscription.requested.v1");
        EventSchemas.assertSatisfied(records.get(0));
    }

    @Test
    void resultsMoveTheSubscriptionThroughProvisioningToActiveAndDuplicatesChangeNothing() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscribe(ags, catalog.publishedService());
        String path = "/api/v1/tenants/" + ags + "/subscriptions/" + id;

        UUID started = onboarding.publishResult("provisioning-started", id, "PROVISION", null);
        awaitStatus(path, "PROVISIONING");
        onboarding.publishResult(started, "provisioning-started", id, "PROVISION", null);
        onboarding.publishResult("provisioned", id, "PROVISION", null);
        awaitStatus(path, "ACTIVE");
        Api.asMunicipality(ags).get(path).then()
                .body("instance.instanceId", equalTo(id))
                .body("instance.dashboardUrl", equalTo("http://localhost:8090/dashboard/" + id))
                .body("history.status", equalTo(List.of("REQUESTED", "PROVISIONING", "ACTIVE")));
        UUID again = onboarding.publishResult("provisioned", id, "PROVISION", null);
        awaitProcessed(again);
        Api.asMunicipality(ags).get(path).then()
                .body("history.status", equalTo(List.of("REQUESTED", "PROVISIONING", "ACTIVE")));

        Api.asMunicipality(ags).delete(path).then().statusCode(202).body("status", equalTo("CANCELLATION_REQUESTED"));
        List<ConsumerRecord<String, String>> requests = onboarding.requests(id, 2, WAIT);
        ConsumerRecord<String, String> cancellation = requests.get(1);
        assertThat(header(cancellation, "ce_type")).isEqualTo("de.efa.subscription.cancellation-requested.v1");
        assertThat(json.readTree(cancellation.value()).path("operation").asText()).isEqualTo("DEPROVISION");
        EventSchemas.assertSatisfied(cancellation);

        onboarding.publishResult("provisioning-started", id, "DEPROVISION", null);
        awaitStatus(path, "DEPROVISIONING");
        onboarding.publishResult("provisioning-failed", id, "DEPROVISION", "broker answered 500");
        await().atMost(WAIT).untilAsserted(() -> Api.asMunicipality(ags).get(path).then()
                .body("failureReason", equalTo("broker answered 500")).body("status", equalTo("DEPROVISIONING")));
        onboarding.publishResult("deprovisioned", id, "DEPROVISION", null);
        awaitStatus(path, "CANCELLED");

        UUID stale = onboarding.publishResult("provisioned", id, "PROVISION", null);
        awaitProcessed(stale);
        Api.asMunicipality(ags).get(path).then().body("status", equalTo("CANCELLED"))
                .body("history.status", equalTo(List.of("REQUESTED", "PROVISIONING", "ACTIVE", "CANCELLATION_REQUESTED",
                        "DEPROVISIONING", "DEPROVISIONING", "CANCELLED")));
    }

    @Test
    void failedProvisioningIsResubmittedByAnOperator() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscribe(ags, catalog.publishedService());
        String path = "/api/v1/tenants/" + ags + "/subscriptions/" + id;
        onboarding.publishResult("provisioning-failed", id, "PROVISION", "plan standard-fails failed at the broker");
        awaitStatus(path, "FAILED");
        Api.asOperator().get(path).then().body("failureReason", equalTo("plan standard-fails failed at the broker"));

        Api.asMunicipality(ags).post(path + "/resubmit").then().statusCode(403);
        Api.asOperator().post(path + "/resubmit").then().statusCode(202)
                .body("status", equalTo("REQUESTED"))
                .body("failureReason", equalTo(null))
                .body("history.status", equalTo(List.of("REQUESTED", "FAILED", "REQUESTED")));
        ConsumerRecord<String, String> resubmitted = onboarding.requests(id, 2, WAIT).get(1);
        assertThat(header(resubmitted, "ce_type")).isEqualTo("de.efa.subscription.resubmitted.v1");
        EventSchemas.assertSatisfied(resubmitted);
        Api.asOperator().post(path + "/resubmit").then().statusCode(409);
    }

    @Test
    void unreadableResultsAreParkedAndTheConsumerGoesOn() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscribe(ags, catalog.publishedService());
        kafka.produceStrings().fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>(
                OnboardingTopics.RESULTS, id, "not json")).awaitCompletion();
        onboarding.publishResult("provisioned", id, "PROVISION", null);
        awaitStatus("/api/v1/tenants/" + ags + "/subscriptions/" + id, "ACTIVE");
        await().atMost(WAIT).untilAsserted(() -> Api.asOperator()
                .queryParam("topic", OnboardingTopics.RESULTS).queryParam("size", 100)
                .get("/api/v1/parked/incoming").then().statusCode(200)
                .body("items.findAll { it.key == '" + id + "' }.value", equalTo(List.of("not json"))));
    }

    private String subscribe(String ags, UUID service) {
        return Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId", service.toString(),
                "planId", "standard", "parameters", CatalogTopic.VALID_PARAMETERS)).statusCode(202).extract().path("id");
    }

    private void awaitStatus(String path, String status) {
        await().atMost(WAIT).untilAsserted(() -> Api.asOperator().get(path).then().body("status", equalTo(status)));
    }

    private void awaitProcessed(UUID ceId) {
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM processed_event WHERE ce_id = ?", ceId) == 1);
    }
}
