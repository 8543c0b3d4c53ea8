package de.efa.tenant.rest;

import de.efa.infra.test.Concurrently;
import de.efa.infra.test.TestTokens;
import de.efa.tenant.repository.CatalogRecord;
import de.efa.tenant.service.CatalogProjection;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SubscriptionResourceTest {

    private static final int CONCURRENT = 20;

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogProjection projection;

    Db db;
    CatalogTopic catalog;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
    }

    static Map<String, Object> standard(UUID serviceId) {
        return Map.of("serviceId", serviceId.toString(), "planId", "standard", "parameters", CatalogTopic.VALID_PARAMETERS);
    }

    @Test
    void municipalitySubscribesWithPriceSnapshotAndHistory() {
        String ags = Api.activeTenant(TestAgs.fresh(), 50_000);
        UUID service = catalog.publishedService();
        ExtractableResponse<Response> answer = Api.subscribe(TestTokens.municipality(ags), ags, standard(service))
                .statusCode(202)
                .body("status", equalTo("REQUESTED"))
                .body("ags", equalTo(ags))
                .body("serviceId", equalTo(service.toString()))
                .body("planId", equalTo("standard"))
                .body("parameters.zustaendigkeit.behoerde", equalTo("Ordnungsamt"))
                .body("priceSnapshot.setupFeeCents", equalTo(50_000))
                .body("priceSnapshot.annualCents", equalTo(120_000 + 50_000 * 2))
                .body("instance", nullValue())
                .body("history", hasSize(1))
                .body("history[0].status", equalTo("REQUESTED"))
                .body("history[0].detail", equalTo("Requested by municipality " + ags))
                .extract();
        String id = answer.path("id");
        assertThat(answer.header("Location")).endsWith("/api/v1/tenants/" + ags + "/subscriptions/" + id);
        assertThat(db.subscriptions(ags)).isEqualTo(1);
        assertThat(db.requestEvents(ags)).isEqualTo(1);
        Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
        Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void operatorSubscribesOnBehalfOfAnActiveTenant() {
        String ags = Api.activeTenant(TestAgs.fresh(), 0);
        UUID service = catalog.publishedService();
        Api.subscribe(TestTokens.operator(), ags, Map.of("serviceId", service.toString(), "planId", "basic"))
                .statusCode(202)
                .body("parameters", equalTo(Map.of()))
                .body("priceSnapshot.annualCents", equalTo(10_000))
                .body("history[0].detail", equalTo("Requested by operator operator"));
    }

    @Test
    void tenantThatIsNotActiveCannotSubscribe() {
        String pending = TestAgs.fresh();
        Api.asOperator().body(Api.registration(pending, "GEMEINDE", 10)).post("/api/v1/tenants").then().statusCode(201);
        String suspended = Api.activeTenant(TestAgs.fresh(), 10);
        Api.asOperator().post("/api/v1/tenants/" + suspended + "/suspend").then().statusCode(200);
        UUID service = catalog.publishedService();
        for (String ags : List.of(pending, suspended)) {
            Api.subscribe(TestTokens.municipality(ags), ags, standard(service)).statusCode(409)
                    .contentType("application/problem+json");
            assertNothingStored(ags);
        }
        String unregistered = TestAgs.fresh();
        Api.subscribe(TestTokens.operator(), unregistered, standard(service)).statusCode(404);
    }

    @Test
    void unknownServiceIs404() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        Api.subscribe(TestTokens.municipality(ags), ags, standard(UUID.randomUUID())).statusCode(404)
                .contentType("application/problem+json");
        assertNothingStored(ags);
    }

    @Test
    void serviceNotPublishedIs409() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID draft = catalog.publish(UUID.randomUUID(), "DRAFT", List.of(), 1);
        Api.subscribe(TestTokens.municipality(ags), ags, standard(draft)).statusCode(409);
        UUID retired = catalog.publish(UUID.randomUUID(), "PUBLISHED", List.of(), 1);
        catalog.publish(retired, "RETIRED", List.of(), 3);
        Api.subscribe(TestTokens.municipality(ags), ags, standard(retired)).statusCode(409);
        assertNothingStored(ags);
    }

    @Test
    void olderCatalogRecordDoesNotOverwriteANewerOne() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publish(UUID.randomUUID(), "DEPRECATED", List.of(), 5);
        projection.apply(List.of(new CatalogProjection.Upsert(new CatalogRecord(service, "s", "n", "akdb",
                "PUBLISHED", List.of(), null, 4, List.of()))));
        assertThat(db.catalogVersion(service)).isEqualTo(5);
        Api.subscribe(TestTokens.municipality(ags), ags, standard(service)).statusCode(409)
                .body("detail", endsWith("only a PUBLISHED service can be subscribed to"));
    }

    @Test
    void serviceNotAvailableInTheLandIs409() {
        String ags = Api.activeTenant(TestAgs.fresh("14"), 10);
        UUID bavarianOnly = catalog.publish(UUID.randomUUID(), "PUBLISHED", List.of("09", "08"), 1);
        Api.subscribe(TestTokens.municipality(ags), ags, standard(bavarianOnly)).statusCode(409)
                .body("detail", endsWith("not offered in Sachsen"));
        assertNothingStored(ags);
        String bavarian = Api.activeTenant(TestAgs.fresh("09"), 10);
        Api.subscribe(TestTokens.municipality(bavarian), bavarian, standard(bavarianOnly)).statusCode(202);
    }

    @Test
    void unknownPlanIs422() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId", service.toString(), "planId", "premium"))
                .statusCode(422)
                .body("violations[0].field", equalTo("planId"));
        assertNothingStored(ags);
    }

    @Test
    void parametersAgainstThePlanSchemaAre422WithEachFieldNamed() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        Map<String, Object> parameters = Map.of(
                "zustaendigkeit", Map.of("behoerde", "X"),
                "gebuehrenCents", List.of(100, -1),
                "fax", "0341 123");
        Api.subscribe(TestTokens.municipality(ags), ags,
                        Map.of("serviceId", service.toString(), "planId", "standard", "parameters", parameters))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("parameters.zustaendigkeit.behoerde",
                        "parameters.gebuehrenCents[1]", "parameters.postfach", "parameters.fax"));
        Api.subscribe(TestTokens.municipality(ags), ags,
                        Map.of("serviceId", service.toString(), "planId", "standard", "parameters", List.of(1)))
                .statusCode(400)
                .body("violations[0].field", equalTo("parameters"));
        assertNothingStored(ags);
    }

    @Test
    void aValueTooLongToBeCheckedAgainstItsPatternIs422NamingItAndNothingIsStored() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        Map<String, Object> parameters = new HashMap<>(CatalogTopic.VALID_PARAMETERS);
        parameters.put("aktenzeichen", "DE" + "1".repeat(60_000));
        Api.subscribe(TestTokens.municipality(ags), ags,
                        Map.of("serviceId", service.toString(), "planId", "standard", "parameters", parameters))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/invalid-parameters"))
                .body("violations.field", contains("parameters.aktenzeichen"))
                .body("violations[0].message", equalTo("is too long to be checked against its pattern"));
        assertNothingStored(ags);

        parameters.put("aktenzeichen", "DE2026ORD" + "0".repeat(990));
        Api.subscribe(TestTokens.municipality(ags), ags,
                        Map.of("serviceId", service.toString(), "planId", "standard", "parameters", parameters))
                .statusCode(202);
    }

    @Test
    void valuesNotInTheFormatsThePlanDeclaresAre422WithEachFieldNamedAndNothingIsStored() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        Map<String, Object> parameters = new HashMap<>(CatalogTopic.VALID_PARAMETERS);
        parameters.put("benachrichtigung", "keine-mail");
        parameters.put("endpunkt", "kein-url");
        Api.subscribe(TestTokens.municipality(ags), ags,
                        Map.of("serviceId", service.toString(), "planId", "standard", "parameters", parameters))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/invalid-parameters"))
                .body("violations.field", containsInAnyOrder("parameters.benachrichtigung", "parameters.endpunkt"));
        assertNothingStored(ags);

        parameters.put("benachrichtigung", "ordnungsamt@musterstadt.de");
        parameters.put("endpunkt", "https://gemeinde.example/efa/callback");
        Api.subscribe(TestTokens.municipality(ags), ags,
                        Map.of("serviceId", service.toString(), "planId", "standard", "parameters", parameters))
                .statusCode(202);
    }

    @Test
    void missingOrMalformedFieldsAre400() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        Api.subscribe(TestTokens.municipality(ags), ags, Map.of()).statusCode(400)
                .body("violations.field", containsInAnyOrder("serviceId", "planId"));
        Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId", "not-a-uuid", "planId", "standard"))
                .statusCode(400).body("violations[0].field", equalTo("serviceId"));
        Api.asMunicipality(ags).body("{\"serviceId\":").post("/api/v1/tenants/" + ags + "/subscriptions").then()
                .statusCode(400).contentType("application/problem+json");
        assertNothingStored(ags);
    }

    @Test
    void aRequestWhoseEventWouldBeLargerThanKafkaTakesIs413AndNothingIsStored() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId", service.toString(), "planId", "basic",
                        "parameters", Map.of("hinweis", "x".repeat(1_000_100))))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/event-too-large"));
        assertNothingStored(ags);
    }

    @Test
    void secondLiveSubscriptionToTheSameServiceIs409() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        Api.subscribe(TestTokens.municipality(ags), ags, standard(service)).statusCode(202);
        Api.subscribe(TestTokens.operator(), ags, Map.of("serviceId", service.toString(), "planId", "basic"))
                .statusCode(409).contentType("application/problem+json");
        assertThat(db.subscriptions(ags)).isEqualTo(1);
        assertThat(db.requestEvents(ags)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentIdenticalRequestsGiveOne202AndNineteen409() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        String token = TestTokens.municipality(ags);
        List<ExtractableResponse<Response>> answers = Concurrently.times(CONCURRENT,
                () -> Api.subscribe(token, ags, standard(service)).extract());
        assertThat(answers).extracting(ExtractableResponse::statusCode)
                .containsOnly(202, 409)
                .filteredOn(status -> status == 202).hasSize(1);
        assertThat(db.subscriptions(ags)).isEqualTo(1);
        assertThat(db.requestEvents(ags)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRequestsWithOneIdempotencyKeyCreateOneAndAnswerTheSame() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        String token = TestTokens.municipality(ags);
        List<ExtractableResponse<Response>> answers = Concurrently.times(CONCURRENT, () -> Api.as(token)
                .header("Idempotency-Key", "rollout-" + ags).body(standard(service))
                .post("/api/v1/tenants/" + ags + "/subscriptions").then().extract());
        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(202);
        assertThat(answers).extracting(a -> a.header("Idempotent-Replayed")).containsOnly(null, "true")
                .filteredOn(replayed -> replayed == null).hasSize(1);
        assertThat(answers).extracting(a -> a.body().asString()).containsOnly(answers.get(0).body().asString());
        assertThat(answers).extracting(a -> a.header("Location")).containsOnly(answers.get(0).header("Location"));
        assertThat(db.subscriptions(ags)).isEqualTo(1);
        assertThat(db.requestEvents(ags)).isEqualTo(1);

        Map<String, Object> other = new HashMap<>(standard(service));
        other.put("planId", "basic");
        Api.as(token).header("Idempotency-Key", "rollout-" + ags).body(other)
                .post("/api/v1/tenants/" + ags + "/subscriptions").then().statusCode(422);
        assertThat(db.subscriptions(ags)).isEqualTo(1);
    }

    @Test
    void onlyAnActiveSubscriptionCanBeCancelled() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        UUID service = catalog.publishedService();
        String id = Api.subscribe(TestTokens.municipality(ags), ags, standard(service)).statusCode(202)
                .extract().path("id");
        String path = "/api/v1/tenants/" + ags + "/subscriptions/" + id;
        Api.asMunicipality(ags).delete(path).then().statusCode(409).contentType("application/problem+json");
        Api.asOperator().delete(path).then().statusCode(409);
        Api.asOperator().post(path + "/resubmit").then().statusCode(409);
        Api.asMunicipality(ags).delete("/api/v1/tenants/" + ags + "/subscriptions/" + UUID.randomUUID()).then()
                .statusCode(404);
        Api.asMunicipality(ags).get(path).then().body("status", equalTo("REQUESTED")).body("history", hasSize(1));
        assertThat(db.requestEvents(ags)).isEqualTo(1);
    }

    private void assertNothingStored(String ags) {
        assertThat(db.subscriptions(ags)).isZero();
        assertThat(db.requestEvents(ags)).isZero();
    }
}
