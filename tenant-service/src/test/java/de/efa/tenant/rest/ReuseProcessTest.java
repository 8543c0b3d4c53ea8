package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.platform.problem.Problem;
import de.efa.tenant.service.InterestExpiry;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.tenant.support.OnboardingTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The EfA reuse process through the API: contracts before provisioning, bundlers, the provider's inbox. */
@QuarkusTest
class ReuseProcessTest {

    @Inject
    AgroalDataSource dataSource;
    @InjectKafkaCompanion
    KafkaCompanion kafka;
    @Inject
    InterestExpiry expiry;

    Db db;
    CatalogTopic catalog;
    OnboardingTopics onboarding;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
        onboarding = new OnboardingTopics(kafka, db);
    }

    private static Map<String, Object> plan(UUID service, String planId) {
        return Map.of("serviceId", service.toString(), "planId", planId);
    }

    private static Map<String, Object> plan(UUID service, String planId, String acceptedVersion) {
        return Map.of("serviceId", service.toString(), "planId", planId, "acceptedTerms",
                Map.of("version", acceptedVersion));
    }

    @Test
    void a_terms_plan_is_subscribed_only_with_its_current_terms_accepted_by_the_municipality() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        UUID service = catalog.publishedService();
        String token = TestTokens.municipality(ags);

        Api.subscribe(token, ags, plan(service, "terms")).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/terms-not-accepted"))
                .body("violations[0].field", equalTo("acceptedTerms"));
        Api.subscribe(token, ags, plan(service, "terms", "2025-12")).statusCode(422)
                .body("violations[0].field", equalTo("acceptedTerms.version"))
                .body("violations[0].message", equalTo("is 2025-12, but the plan's terms are of version 2026-01"));
        Api.subscribe(TestTokens.operator(), ags, plan(service, "terms", "2026-01")).statusCode(403);
        assertThat(db.subscriptions(ags)).isZero();

        Api.subscribe(token, ags, plan(service, "terms", "2026-01")).statusCode(202)
                .body("status", equalTo("REQUESTED"))
                .body("contract.model", equalTo("TERMS"))
                .body("contract.terms.version", equalTo("2026-01"))
                .body("contract.terms.sha256", equalTo("0123456789abcdef".repeat(4)))
                .body("contract.acceptedBy", equalTo("municipality " + ags))
                .body("priceSnapshot.annualCents", equalTo(30_000 + 10_000));
    }

    @Test
    void a_plan_with_a_contract_needs_the_tenants_leitweg_id() {
        String ags = Api.activeTenant(TestAgs.fresh(), 10_000);
        UUID service = catalog.publishedService();

        Api.subscribe(TestTokens.municipality(ags), ags, plan(service, "nachnutzung")).statusCode(409)
                .body("type", equalTo("https://efa-marketplace.de/problems/leitweg-id-required"))
                .body("violations[0].field", equalTo("leitwegId"));
        Api.subscribe(TestTokens.municipality(ags), ags, plan(service, "terms", "2026-01")).statusCode(409);
        Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId", service.toString(), "planId", "basic"))
                .statusCode(202);
    }

    @Test
    void an_interest_is_offered_by_its_provider_and_concluded_by_the_bundler_then_provisioned() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String bundler = Api.bundlerWithMandateOf(ags);
        UUID service = catalog.publishedService();

        String id = Api.subscribe(TestTokens.bundler(bundler), ags, plan(service, "nachnutzung")).statusCode(201)
                .body("status", equalTo("INTEREST_DECLARED"))
                .body("contract.model", equalTo("INTEREST"))
                .body("contract.acceptedBy", nullValue())
                .body("history[0].detail", equalTo("Interest declared by bundler " + bundler))
                .extract().path("id");
        assertThat(db.latestRequestOrNull(id)).isNull();

        Api.as(TestTokens.provider("akdb")).get("/api/v1/provider/interests?status=INTEREST_DECLARED&size=100")
                .then().statusCode(200)
                .body("items.subscription.id", hasItem(id));
        Api.as(TestTokens.provider("dataport")).get("/api/v1/provider/interests?size=100")
                .then().statusCode(200)
                .body("items.subscription.id", not(hasItem(id)));
        Api.as(TestTokens.provider("dataport")).body(offer()).post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(403);
        Api.as(TestTokens.provider("akdb")).body(Map.of("conditions", Map.of("annualCents", -1)))
                .post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/invalid-offer"))
                .body("violations.field", containsInAnyOrder("conditions.annualCents", "conditions.note"));

        Api.as(TestTokens.provider("akdb")).body(offer()).post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(200)
                .body("tenantName", equalTo("Testgemeinde " + ags))
                .body("subscription.status", equalTo("OFFERED"))
                .body("subscription.offer.annualCents", equalTo(150_000))
                .body("subscription.offer.offeredBy", equalTo("provider akdb"))
                .body("subscription.priceSnapshot.setupFeeCents", equalTo(100_000))
                .body("subscription.priceSnapshot.annualCents", equalTo(150_000));
        Api.as(TestTokens.provider("akdb")).body(offer()).post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(409);

        String conclude = "/api/v1/tenants/" + ags + "/subscriptions/" + id + "/conclude";
        Api.asOperator().body(Map.of("acceptedTerms", Map.of("version", "2026-01"))).post(conclude)
                .then().statusCode(403);
        Api.as(TestTokens.bundler(bundler)).body(Map.of("acceptedTerms", Map.of("version", "2025-01")))
                .post(conclude).then().statusCode(422);
        Api.as(TestTokens.bundler(bundler)).body(Map.of("acceptedTerms", Map.of("version", "2026-01")))
                .post(conclude).then().statusCode(202)
                .body("status", equalTo("REQUESTED"))
                .body("contract.acceptedBy", equalTo("bundler " + bundler))
                .body("priceSnapshot.annualCents", equalTo(150_000));

        List<ConsumerRecord<String, String>> events = onboarding.requests(id, 4, Duration.ofSeconds(20));
        assertThat(events).extracting(record -> header(record, "ce_type")).containsExactly(
                "de.efa.subscription.interest-declared.v1", "de.efa.subscription.offered.v1",
                "de.efa.subscription.concluded.v1", "de.efa.subscription.requested.v1");
        assertThat(header(events.get(3), "ce_id")).isEqualTo(db.latestRequest(id).toString());
        events.forEach(EventSchemas::assertSatisfied);

        onboarding.publishResult("provisioned", id, "PROVISION", null);
        await().untilAsserted(() ->
                Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions/" + id)
                        .then().body("status", equalTo("ACTIVE")));
    }

    @Test
    void an_offer_for_a_service_deprecated_since_is_not_concluded_and_stays_offered() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        UUID service = catalog.publishedService();
        String id = Api.subscribe(TestTokens.municipality(ags), ags, plan(service, "nachnutzung")).statusCode(201)
                .extract().path("id");
        Api.as(TestTokens.provider("akdb")).body(offer()).post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(200);
        catalog.publish(service, "DEPRECATED", List.of(), 2);

        Api.asMunicipality(ags).body(Map.of("acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION)))
                .post("/api/v1/tenants/" + ags + "/subscriptions/" + id + "/conclude").then().statusCode(409)
                .body("detail", containsString("no longer PUBLISHED"));
        Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions/" + id).then()
                .body("status", equalTo("OFFERED"));
        assertThat(db.latestRequestOrNull(id)).isNull();
    }

    /** Its terms went with its plan, and the marketplace would be asked to provision a plan it does not know. */
    @Test
    void an_interest_in_a_plan_that_left_the_catalog_is_not_offered_and_keeps_its_terms() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        UUID service = catalog.publishedService();
        String id = Api.subscribe(TestTokens.municipality(ags), ags, plan(service, "nachnutzung")).statusCode(201)
                .extract().path("id");
        // What the catalog consumer leaves when the provider republishes its service without the plan.
        db.execute("DELETE FROM catalog_plan WHERE service_id = ?::uuid AND plan_id = 'nachnutzung'",
                service.toString());

        Api.as(TestTokens.provider("akdb")).body(offer()).post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(409)
                .body("type", equalTo("https://efa-marketplace.de/problems/conflict"))
                .body("detail", equalTo("Plan nachnutzung of service " + service
                        + " is no longer in the catalog; its interest can no longer be offered"));
        Api.asMunicipality(ags).body(Map.of()).post("/api/v1/tenants/" + ags + "/subscriptions/" + id + "/conclude")
                .then().statusCode(409);

        Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions/" + id).then()
                .body("status", equalTo("INTEREST_DECLARED"))
                .body("offer", nullValue())
                .body("contract.terms.version", equalTo(CatalogTopic.TERMS_VERSION))
                .body("contract.acceptedBy", nullValue())
                .body("priceSnapshot.annualCents", equalTo(200_000 + 10_000));
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND type <> ?", id,
                "de.efa.subscription.interest-declared.v1")).isZero();
        assertThat(db.latestRequestOrNull(id)).isNull();
        Api.asOperator().queryParam("target", "subscription:" + id).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", not(hasItem("subscription.offer")));
    }

    @Test
    void an_offer_whose_plan_left_the_catalog_since_is_not_concluded() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        UUID service = catalog.publishedService();
        String id = Api.subscribe(TestTokens.municipality(ags), ags, plan(service, "nachnutzung")).statusCode(201)
                .extract().path("id");
        Api.as(TestTokens.provider("akdb")).body(offer()).post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(200);
        db.execute("DELETE FROM catalog_plan WHERE service_id = ?::uuid AND plan_id = 'nachnutzung'",
                service.toString());

        Api.asMunicipality(ags).body(Map.of("acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION)))
                .post("/api/v1/tenants/" + ags + "/subscriptions/" + id + "/conclude").then().statusCode(409)
                .body("detail", equalTo("Plan nachnutzung of service " + service
                        + " is no longer in the catalog; its offer can no longer be concluded"));

        Api.asMunicipality(ags).get("/api/v1/tenants/" + ags + "/subscriptions/" + id).then()
                .body("status", equalTo("OFFERED"));
        assertThat(db.latestRequestOrNull(id)).isNull();
    }

    @Test
    void a_withdrawal_under_the_version_it_was_confirmed_for_ends_nothing_that_has_moved_on() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String token = TestTokens.municipality(ags);
        String id = Api.subscribe(token, ags, plan(catalog.publishedService(), "nachnutzung")).statusCode(201)
                .extract().path("id");
        String path = "/api/v1/tenants/" + ags + "/subscriptions/" + id;
        String declared = Api.as(token).get(path).then().statusCode(200).extract().header("ETag");
        Api.as(TestTokens.provider("akdb")).body(offer()).post("/api/v1/provider/interests/" + id + "/offer")
                .then().statusCode(200);

        Api.as(token).header("If-Match", declared).delete(path).then().statusCode(412)
                .contentType(Problem.MEDIA_TYPE);
        String offered = Api.as(token).get(path).then().statusCode(200).body("status", equalTo("OFFERED"))
                .extract().header("ETag");

        Api.as(token).header("If-Match", offered).delete(path).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void an_interest_can_be_declined_withdrawn_or_expire_and_each_ends_it() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        UUID declined = catalog.publishedService();
        UUID withdrawn = catalog.publishedService();
        UUID expired = catalog.publishedService();
        String token = TestTokens.municipality(ags);

        String first = Api.subscribe(token, ags, plan(declined, "nachnutzung")).statusCode(201).extract().path("id");
        Api.as(TestTokens.provider("akdb")).body(Map.of())
                .post("/api/v1/provider/interests/" + first + "/decline").then().statusCode(400);
        Api.as(TestTokens.provider("akdb")).body(Map.of("reason", "Noch nicht in Ihrem Land"))
                .post("/api/v1/provider/interests/" + first + "/decline").then().statusCode(200)
                .body("subscription.status", equalTo("DECLINED"))
                .body("subscription.declineReason", equalTo("Noch nicht in Ihrem Land"));
        String conclude = "/api/v1/tenants/" + ags + "/subscriptions/" + first + "/conclude";
        Api.as(token).body(Map.of("acceptedTerms", Map.of("version", "2026-01"))).post(conclude)
                .then().statusCode(409);

        String second = Api.subscribe(token, ags, plan(withdrawn, "nachnutzung")).statusCode(201).extract().path("id");
        Api.as(token).delete("/api/v1/tenants/" + ags + "/subscriptions/" + second).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("history[1].detail", equalTo("Withdrawn by municipality " + ags));
        Api.subscribe(token, ags, plan(withdrawn, "nachnutzung")).statusCode(201);

        String third = Api.subscribe(token, ags, plan(expired, "nachnutzung")).statusCode(201).extract().path("id");
        // Declared 31 days ago, changed just now (as a new population's price changes it): the declaration counts.
        db.execute("UPDATE subscription SET status_since = now() - interval '31 days', updated_at = now() "
                + "WHERE id = ?::uuid", third);
        expiry.expireOverdue();
        Api.as(token).get("/api/v1/tenants/" + ags + "/subscriptions/" + third).then().statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("history[1].detail", equalTo("Expired: the interest was not answered within 30 days"));
        List<ConsumerRecord<String, String>> events = onboarding.requests(third, 2, Duration.ofSeconds(20));
        assertThat(events).extracting(record -> header(record, "ce_type"))
                .containsExactly("de.efa.subscription.interest-declared.v1", "de.efa.subscription.expired.v1");
        events.forEach(EventSchemas::assertSatisfied);
        onboarding.requests(first, 2, Duration.ofSeconds(20)).forEach(EventSchemas::assertSatisfied);
        onboarding.requests(second, 2, Duration.ofSeconds(20)).forEach(EventSchemas::assertSatisfied);
    }

    @Test
    void a_bundler_orders_only_for_municipalities_with_its_mandate_and_never_administers_them() {
        String client = Api.activeTenant(TestAgs.fresh(), 1_000);
        String stranger = Api.activeTenant(TestAgs.fresh(), 1_000);
        String bundler = Api.bundlerWithMandateOf(client);
        UUID service = catalog.publishedService();
        String token = TestTokens.bundler(bundler);
        Map<String, Object> basic = Map.of("serviceId", service.toString(), "planId", "basic");

        Api.subscribe(token, stranger, basic).statusCode(403);
        String id = Api.subscribe(token, client, basic).statusCode(202)
                .body("history[0].detail", equalTo("Requested by bundler " + bundler))
                .extract().path("id");
        Api.as(token).get("/api/v1/tenants/" + client + "/subscriptions").then().statusCode(200);
        Api.as(token).get("/api/v1/tenants/" + stranger + "/subscriptions").then().statusCode(403);
        Api.as(token).get("/api/v1/tenants/" + client).then().statusCode(403);
        Api.as(token).body(Map.of("bundlerId", bundler)).post("/api/v1/tenants/" + client + "/mandates")
                .then().statusCode(403);

        Api.asMunicipality(client).delete("/api/v1/tenants/" + client + "/mandates/" + bundler).then().statusCode(204);
        Api.as(token).get("/api/v1/tenants/" + client + "/subscriptions/" + id).then().statusCode(403);
        assertThat(db.subscriptions(client)).isEqualTo(1);
    }

    private static Map<String, Object> offer() {
        // A start date may not be in the past: the offer begins a month after the day the test runs.
        return Map.of("conditions", Map.of("annualCents", 150_000,
                "startDate", LocalDate.now(ZoneId.of("Europe/Berlin")).plusMonths(1).toString(),
                "note", "Nachnutzung nach EfA-Mustervertrag"));
    }
}
