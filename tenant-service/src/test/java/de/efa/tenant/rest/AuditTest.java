package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.service.InterestExpiry;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.OnboardingTopics;
import de.efa.tenant.support.Subscriptions;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.tenant.support.Subscriptions.awaitStatus;
import static de.efa.tenant.support.Subscriptions.etag;
import static de.efa.tenant.support.Subscriptions.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change in the tenant-service is in its audit trail once, with who made it and for whom, and nothing refused
 * is. An entry is written here as "action outcome actor role onBehalfOf".
 */
@QuarkusTest
class AuditTest {

    private static final String SYSTEM = "tenant-service system -";

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    InterestExpiry expiry;

    CatalogTopic catalog;
    OnboardingTopics onboarding;
    Subscriptions subscriptions;

    @BeforeEach
    void setUp() {
        Db db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
        onboarding = new OnboardingTopics(kafka, db);
        subscriptions = new Subscriptions(onboarding);
    }

    @Test
    void aSubscriptionOfABundlerIsAuditedOnBehalfOfItsMunicipalityAndItsResultsAsThisService() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String bundler = Api.bundlerWithMandateOf(ags);
        String bundlerStaff = "staff-" + bundler + " bundler tenant:" + ags;
        String id = Api.subscribe(TestTokens.bundler(bundler), ags, Map.of("serviceId",
                catalog.publishedService().toString(), "planId", "standard", "parameters",
                CatalogTopic.VALID_PARAMETERS)).statusCode(202).extract().path("id");
        onboarding.publishResult("provisioned", id, "PROVISION", null);
        awaitStatus(ags, id, "ACTIVE");
        Api.as(TestTokens.bundler(bundler)).header("If-Match", etag(ags, id))
                .body(Map.of("parameters", Map.of("zustaendigkeit", Map.of("behoerde", "Bürgeramt"),
                        "postfach", "buergeramt@gemeinde.example")))
                .patch(path(ags, id)).then().statusCode(202);

        JsonPath trail = audit("subscription:" + id);
        assertThat(entries(trail)).containsExactly(
                "subscription.update UPDATE_REQUESTED " + bundlerStaff,
                "subscription.apply-result ACTIVE " + SYSTEM,
                "subscription.create created " + bundlerStaff);
        assertThat(trail.getMap("items[0].details")).isEqualTo(Map.of("planId", "standard", "planInEffect",
                "standard"));
        assertThat(trail.getMap("items[1].details")).isEqualTo(Map.of("event", "de.efa.instance.provisioned.v1",
                "operation", "PROVISION"));
        assertThat(trail.getString("items[2].details.status")).isEqualTo("REQUESTED");
        assertThat(entries(audit("mandate:" + ags + "/" + bundler)))
                .containsExactly("mandate.give created staff-" + ags + " municipality -");
        assertThat(entries(audit("tenant:" + ags))).containsExactly("tenant.approve ACTIVE operator operator -",
                "tenant.register created operator operator tenant:" + ags);
        assertThat(entries(audit("bundler:" + bundler)))
                .containsExactly("bundler.register created operator operator -");
    }

    @Test
    void aRefusedRequestOrAReplayedOneWritesNoEntry() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String municipality = TestTokens.municipality(ags);
        UUID service = catalog.publishedService();
        String id = Subscriptions.requested(ags, service);

        Api.subscribe(municipality, ags, Map.of("serviceId", service.toString(), "planId", "basic")).statusCode(409);
        Api.subscribe(municipality, ags, Map.of("serviceId", catalog.publishedService().toString(),
                "planId", "gibt-es-nicht")).statusCode(422);
        Api.as(municipality).delete(path(ags, id)).then().statusCode(409);
        Api.as(municipality).header("If-Match", etag(ags, id)).body(Map.of("planId", "basic")).patch(path(ags, id))
                .then().statusCode(409);
        Api.as(municipality).body(Api.registration(ags, "GEMEINDE", 1_000)).post("/api/v1/tenants").then()
                .statusCode(409);
        Api.as(municipality).body(Map.of("bundlerId", "gibt-es-nicht")).post("/api/v1/tenants/" + ags + "/mandates")
                .then().statusCode(404);
        Map<String, Object> basic = Map.of("serviceId", catalog.publishedService().toString(), "planId", "basic");
        String key = UUID.randomUUID().toString();
        Api.as(municipality).header("Idempotency-Key", key).body(basic).post("/api/v1/tenants/" + ags
                + "/subscriptions").then().statusCode(202);
        Api.as(municipality).header("Idempotency-Key", key).body(basic).post("/api/v1/tenants/" + ags
                + "/subscriptions").then().statusCode(202).header("Idempotent-Replayed", "true");

        assertThat(entries(audit("subscription:" + id))).containsExactly(
                "subscription.create created staff-" + ags + " municipality -");
        JsonPath byMunicipality = Api.asOperator().queryParam("actor", "staff-" + ags).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(byMunicipality.getList("items.action")).containsExactly("subscription.create",
                "subscription.create");
    }

    @Test
    void aSuspensionIsAuditedForTheTenantAndEachSubscriptionItReaches() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String active = subscriptions.active(ags, catalog.publishedService());
        String provisioning = Subscriptions.requested(ags, catalog.publishedService());

        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200);
        onboarding.publishResult("provisioning-started", active, "SUSPEND", null, Map.of());
        onboarding.publishResult("suspended", active, "SUSPEND", null, Map.of("confirmed", true));
        onboarding.publishResult("provisioned", provisioning, "PROVISION", null);
        awaitStatus(ags, active, "SUSPENDED");
        awaitStatus(ags, provisioning, "SUSPENDING");
        Api.asOperator().post("/api/v1/tenants/" + ags + "/reactivate").then().statusCode(200);

        assertThat(entries(audit("tenant:" + ags))).containsExactly("tenant.reactivate ACTIVE operator operator -",
                "tenant.suspend SUSPENDED operator operator -", "tenant.approve ACTIVE operator operator -",
                "tenant.register created operator operator tenant:" + ags);
        // The start of the suspension job changed nothing, so it is not there.
        assertThat(entries(audit("subscription:" + active))).containsExactly(
                "subscription.resume RESUMING operator operator -",
                "subscription.apply-result SUSPENDED " + SYSTEM,
                "subscription.suspend SUSPENDING operator operator -",
                "subscription.apply-result ACTIVE " + SYSTEM,
                "subscription.create created staff-" + ags + " municipality -");
        // Settled while its tenant was suspended, and suspended at once: one transaction, so in either order.
        List<String> settled = entries(audit("subscription:" + provisioning));
        assertThat(settled.get(0)).isEqualTo("subscription.resume RESUMING operator operator -");
        assertThat(settled.subList(1, 3)).containsExactlyInAnyOrder("subscription.suspend SUSPENDING " + SYSTEM,
                "subscription.apply-result ACTIVE " + SYSTEM);
        assertThat(settled.get(3)).isEqualTo("subscription.create created staff-" + ags + " municipality -");
    }

    @Test
    void anInterestIsAuditedFromItsDeclarationToItsEndByWhoeverTookEachStep() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String bundler = Api.bundlerWithMandateOf(ags);
        String municipality = TestTokens.municipality(ags);
        String concluded = interest(TestTokens.bundler(bundler), ags);
        String withdrawn = interest(municipality, ags);
        String expired = interest(municipality, ags);

        Api.as(TestTokens.provider("akdb")).body(Map.of("conditions", Map.of("note", "Nach Mustervertrag")))
                .post("/api/v1/provider/interests/" + concluded + "/offer").then().statusCode(200);
        Api.as(TestTokens.bundler(bundler))
                .body(Map.of("acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION)))
                .post(path(ags, concluded) + "/conclude").then().statusCode(202);
        Api.as(municipality).delete(path(ags, withdrawn)).then().statusCode(200);
        new Db(dataSource).execute("UPDATE subscription SET status_since = now() - interval '31 days' "
                + "WHERE id = ?::uuid", expired);
        expiry.expireOverdue();

        String bundlerStaff = "staff-" + bundler + " bundler tenant:" + ags;
        assertThat(entries(audit("subscription:" + concluded))).containsExactly(
                "subscription.conclude REQUESTED " + bundlerStaff,
                "subscription.offer OFFERED service-account-provider-akdb provider -",
                "subscription.create created " + bundlerStaff);
        assertThat(entries(audit("subscription:" + withdrawn))).containsExactly(
                "subscription.withdraw WITHDRAWN staff-" + ags + " municipality -",
                "subscription.create created staff-" + ags + " municipality -");
        JsonPath expiredTrail = audit("subscription:" + expired);
        assertThat(entries(expiredTrail)).containsExactly("subscription.expire EXPIRED interest-expiry system -",
                "subscription.create created staff-" + ags + " municipality -");
        assertThat(expiredTrail.getString("items[0].details.reason"))
                .isEqualTo("Expired: the interest was not answered within 30 days");
        assertThat(expiredTrail.getString("items[1].details.status")).isEqualTo("INTEREST_DECLARED");
    }

    @Test
    void aPopulationFileIsAuditedOnceAndForEachTenantAndSubscriptionItChanged() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh("16"), 10_000);
        String same = Api.activeTenant(TestAgs.fresh("16"), 500);
        String id = Subscriptions.requested(ags, catalog.publishedService());
        String csv = "ags,name,land_code,population,source_year\n" + ags + ",Testgemeinde,16,12000,2024\n"
                + same + ",Gleich,16,500,2024\n16999999,Unbekannt,16,7,2024\n";
        String file = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(csv.getBytes(StandardCharsets.UTF_8)));

        for (int upload = 0; upload < 2; upload++) {
            given().auth().oauth2(TestTokens.operator()).contentType("text/csv").body(csv)
                    .post("/api/v1/tenants/population").then().statusCode(200);
        }

        JsonPath load = audit("population-file:" + file);
        assertThat(entries(load)).as("the second upload changed nothing")
                .containsExactly("population.load loaded operator operator -");
        assertThat(load.getMap("items[0].details")).isEqualTo(Map.of("lines", 3, "updated", 1, "unchanged", 1,
                "unknown", 1, "repriced", 1));
        JsonPath tenant = audit("tenant:" + ags);
        assertThat(entries(tenant).get(0)).isEqualTo("tenant.change-population updated operator operator -");
        assertThat(tenant.getString("items[0].details.populationFile")).isEqualTo(file);
        JsonPath subscription = audit("subscription:" + id);
        assertThat(entries(subscription).get(0)).isEqualTo("subscription.reprice updated operator operator -");
        assertThat(subscription.getString("items[0].details.populationFile")).isEqualTo(file);
        assertThat(audit("tenant:" + same).getList("items.action")).doesNotContain("tenant.change-population");
    }

    @Test
    void aMunicipalityDoesNotReadTheTrail() {
        given().auth().oauth2(TestTokens.municipality("14713000")).get("/api/v1/audit").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private String interest(String token, String ags) {
        return Api.subscribe(token, ags, Map.of("serviceId", catalog.publishedService().toString(),
                "planId", "nachnutzung")).statusCode(201).extract().path("id");
    }

    private static JsonPath audit(String target) {
        return Api.asOperator().queryParam("target", target).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Newest first, each as "action outcome actor role onBehalfOf" ("-" for no one). */
    private static List<String> entries(JsonPath trail) {
        List<Map<String, Object>> items = trail.getList("items");
        return items.stream().map(item -> item.get("action") + " " + item.get("outcome") + " " + item.get("actor")
                + " " + item.get("actorRole") + " " + (item.get("onBehalfOf") == null ? "-" : item.get("onBehalfOf")))
                .toList();
    }
}
