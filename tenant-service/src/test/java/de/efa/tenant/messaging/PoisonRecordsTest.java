package de.efa.tenant.messaging;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.OnboardingTopics;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Records that the database refuses for good (a NUL character in a text it stores) or that cannot be read at all (a
 * {@code ce_id} of 3,000 characters) are parked with their reason, for operators to see, and the records after them
 * on the same partition are applied.
 */
@QuarkusTest
class PoisonRecordsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LONG_CE_ID = "x".repeat(3000);

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Db db;
    CatalogTopic catalog;
    OnboardingTopics onboarding;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
        onboarding = new OnboardingTopics(kafka, db);
    }

    @Test
    void poisonResultsAreParkedWithTheirReasonAndTheResultsAfterThemAreApplied() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId",
                        catalog.publishedService().toString(), "planId", "standard",
                        "parameters", CatalogTopic.VALID_PARAMETERS))
                .statusCode(202).extract().path("id");
        String dashboard = "http://localhost:8090/dashboard/" + id;

        // One key, so one partition and this order.
        onboarding.publishResult(UUID.randomUUID().toString(), "provisioning-started", id, "PROVISION", null, null);
        onboarding.publishResult(UUID.randomUUID().toString(), "provisioning-failed", id, "PROVISION",
                "the broker said \u0000", null);
        onboarding.publishResult(LONG_CE_ID, "provisioning-failed", id, "PROVISION", "a fine reason", null);
        onboarding.publishResult(UUID.randomUUID().toString(), "provisioned", id, "PROVISION", null,
                dashboard + "\u0000");
        onboarding.publishResult(UUID.randomUUID().toString(), "provisioned", id, "PROVISION", null, dashboard);

        String path = "/api/v1/tenants/" + ags + "/subscriptions/" + id;
        await().atMost(WAIT).untilAsserted(() -> Api.asOperator().get(path).then().body("status", equalTo("ACTIVE")));
        Api.asMunicipality(ags).get(path).then()
                .body("instance.dashboardUrl", equalTo(dashboard))
                .body("failureReason", nullValue())
                .body("history.status", equalTo(List.of("REQUESTED", "PROVISIONING", "ACTIVE")));
        List<String> reasons = await().atMost(WAIT).until(() -> parkedReasons(OnboardingTopics.RESULTS, id),
                found -> found.size() == 3);
        assertThat(reasons).filteredOn(reason -> reason.contains("0x00")).hasSize(2);
        assertThat(reasons).contains("ce_id is not a UUID (3000 characters)");
    }

    /** Without its operation a result can never be applied: it must not hold up the results after it. */
    @Test
    void resultsWithoutAKnownOperationAreParkedAndTheResultsAfterThemAreApplied() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId",
                        catalog.publishedService().toString(), "planId", "standard",
                        "parameters", CatalogTopic.VALID_PARAMETERS))
                .statusCode(202).extract().path("id");
        String dashboard = "http://localhost:8090/dashboard/" + id;

        onboarding.publishResult(UUID.randomUUID().toString(), "provisioning-started", id, null, null, null);
        onboarding.publishResult(UUID.randomUUID().toString(), "provisioning-started", id, "REBOOT", null, null);
        onboarding.publishResult(UUID.randomUUID().toString(), "provisioned", id, "PROVISION", null, dashboard);

        String path = "/api/v1/tenants/" + ags + "/subscriptions/" + id;
        await().atMost(WAIT).untilAsserted(() -> Api.asOperator().get(path).then().body("status", equalTo("ACTIVE")));
        Api.asMunicipality(ags).get(path).then()
                .body("instance.dashboardUrl", equalTo(dashboard))
                .body("history.status", equalTo(List.of("REQUESTED", "ACTIVE")));
        List<String> reasons = await().atMost(WAIT).until(() -> parkedReasons(OnboardingTopics.RESULTS, id),
                found -> found.size() == 2);
        assertThat(reasons).contains("'operation' is required");
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("REBOOT"));
    }

    @Test
    void poisonCatalogRecordsAreParkedWithTheirReasonAndTheRecordsAfterThemAreApplied() {
        UUID service = UUID.randomUUID();

        catalog.sendPublished(service, 1, "Führerschein \u0000 digital", UUID.randomUUID().toString());
        catalog.sendPublished(service, 2, "Führerschein mit langer Kennung", LONG_CE_ID);
        catalog.sendPublished(service, 3, "Führerschein digital beantragen", UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> db.catalogVersion(service) == 3);
        assertThat(db.count("SELECT count(*) FROM catalog_service WHERE id = ? AND name = ?", service,
                "Führerschein digital beantragen")).isEqualTo(1);
        List<String> reasons = await().atMost(WAIT).until(() -> parkedReasons(CatalogTopic.TOPIC, service.toString()),
                found -> found.size() == 2);
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("0x00"));
        assertThat(reasons).contains("ce_id is not a UUID (3000 characters)");
    }

    /** The reasons of the records of this key that an operator sees parked, newest first. */
    private static List<String> parkedReasons(String topic, String key) {
        JsonPath parked = Api.asOperator().queryParam("topic", topic).queryParam("size", 100)
                .get("/api/v1/parked/incoming").then().statusCode(200).extract().jsonPath();
        return parked.getList("items.findAll { it.key == '" + key + "' }.reason", String.class);
    }
}
