package de.efa.tenant.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.infra.test.TestTokens;
import de.efa.tenant.service.InterestExpiry;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.EventSchemas;
import de.efa.tenant.support.OnboardingTopics;
import de.efa.tenant.support.Subscriptions;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
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
import static de.efa.tenant.support.Subscriptions.etag;
import static de.efa.tenant.support.Subscriptions.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The rules of the EfA reuse process (docs/services.md, docs/state-machines.md) that hold between its steps: what
 * an open interest or offer blocks, what a conclusion needs, when an offer expires, what the provider's inbox
 * filters, and what a bundler may do under its mandate and no longer without it. Each refusal is checked to have
 * changed nothing.
 */
@QuarkusTest
class ReuseProcessRulesTest {

    private static final String PROBLEMS = "https://efa-marketplace.de/problems/";
    private static final String DECLARED = "de.efa.subscription.interest-declared.v1";
    private static final String OFFERED = "de.efa.subscription.offered.v1";
    private static final String EXPIRED = "de.efa.subscription.expired.v1";

    @Inject
    AgroalDataSource dataSource;
    @InjectKafkaCompanion
    KafkaCompanion kafka;
    @Inject
    InterestExpiry expiry;

    private final ObjectMapper json = new ObjectMapper();
    private Db db;
    private CatalogTopic catalog;
    private OnboardingTopics onboarding;
    private Subscriptions subscriptions;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
        onboarding = new OnboardingTopics(kafka, db);
        subscriptions = new Subscriptions(onboarding);
    }

    @Test
    void an_offer_is_not_concluded_for_a_tenant_whose_leitweg_id_was_cleared_since() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String id = offered(ags, catalog.publishedService(), "akdb");
        setLeitwegId(ags, null);

        Api.asMunicipality(ags).body(acceptingTerms()).post(conclusion(ags, id)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "leitweg-id-required"))
                .body("title", equalTo("Leitweg-ID required"))
                .body("detail", startsWith("A subscription to a plan with a contract is concluded only for a tenant "
                        + "with a Leitweg-ID"))
                .body("violations[0].field", equalTo("leitwegId"));

        assertStillOffered(ags, id);
        assertAudited(id, "subscription.offer", "subscription.create");

        // The Leitweg-ID was all it lacked.
        setLeitwegId(ags, Api.LEITWEG_ID);
        Api.asMunicipality(ags).body(acceptingTerms()).post(conclusion(ags, id)).then().statusCode(202)
                .body("status", equalTo("REQUESTED"));
    }

    @Test
    void an_offer_begins_today_or_later_and_one_422_names_every_invalid_condition() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String id = declared(ags, catalog.publishedService());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var provider = TestTokens.provider("akdb");

        Api.as(provider).body(Map.of("conditions", Map.of("annualCents", -1,
                        "startDate", today.minusDays(1).toString())))
                .post(offerPath(id)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-offer"))
                .body("violations.field", containsInAnyOrder("conditions.note", "conditions.annualCents",
                        "conditions.startDate"));
        Api.as(provider).body(Map.of("conditions", Map.of("startDate", "2020-01-01", "note", "Nach Mustervertrag")))
                .post(offerPath(id)).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-offer"))
                .body("violations.field", contains("conditions.startDate"))
                .body("violations[0].message", equalTo("must be today (" + today + ") or later"));
        Api.asMunicipality(ags).get(path(ags, id)).then().statusCode(200)
                .body("status", equalTo("INTEREST_DECLARED"))
                .body("offer", nullValue());
        assertThat(db.outboxTypes(id)).containsExactly(DECLARED);

        Api.as(provider).body(Map.of("conditions", Map.of("startDate", today.toString(), "note", "Nach Mustervertrag")))
                .post(offerPath(id)).then().statusCode(200)
                .body("subscription.status", equalTo("OFFERED"))
                .body("subscription.offer.startDate", equalTo(today.toString()));
    }

    @Test
    void an_open_interest_or_offer_is_live_and_no_other_plan_of_its_service_is_subscribed_beside_it() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        UUID service = catalog.publishedService();
        String id = declared(ags, service);

        assertEveryPlanRefusedAsAlreadySubscribed(ags, service);
        assertThat(db.subscriptions(ags)).isEqualTo(1);
        assertThat(db.outboxTypes(id)).containsExactly(DECLARED);
        assertThat(db.requestEvents(ags)).isEqualTo(1);

        offer(id, "akdb");
        assertEveryPlanRefusedAsAlreadySubscribed(ags, service);
        assertThat(db.subscriptions(ags)).isEqualTo(1);
        assertThat(db.outboxTypes(id)).containsExactly(DECLARED, OFFERED);
        assertThat(db.requestEvents(ags)).isEqualTo(2);
    }

    @Test
    void an_offer_not_concluded_within_its_period_expires_and_ends_the_subscription() throws Exception {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        UUID service = catalog.publishedService();
        String id = offered(ags, service, "akdb");

        // The period counts from the offer (status_since), not from the declaration.
        offeredDaysAgo(id, 29);
        expiry.expireOverdue();
        Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo("OFFERED"));

        offeredDaysAgo(id, 31);
        expiry.expireOverdue();

        Api.asMunicipality(ags).get(path(ags, id)).then().statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("history", hasSize(3))
                .body("history[2].status", equalTo("EXPIRED"))
                .body("history[2].detail", equalTo("Expired: the offer was not concluded within 30 days"))
                .body("offer.annualCents", equalTo(150_000))
                .body("contract.acceptedBy", nullValue());
        assertThat(db.latestRequestOrNull(id)).isNull();

        List<ConsumerRecord<String, String>> events = onboarding.requests(id, 3, Duration.ofSeconds(20));
        assertThat(events).extracting(record -> header(record, "ce_type")).containsExactly(DECLARED, OFFERED, EXPIRED);
        events.forEach(EventSchemas::assertSatisfied);
        JsonNode expired = json.readTree(events.get(2).value());
        assertThat(expired.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.path("actor").asText()).isEqualTo("marketplace");
        assertThat(expired.path("offer").path("annualCents").asLong()).isEqualTo(150_000);

        JsonPath trail = audit(id);
        assertThat(trail.getList("items.action", String.class))
                .containsExactly("subscription.expire", "subscription.offer", "subscription.create");
        assertThat(trail.getString("items[0].outcome")).isEqualTo("EXPIRED");
        assertThat(trail.getString("items[0].actor")).isEqualTo("interest-expiry");
        assertThat(trail.getString("items[0].actorRole")).isEqualTo("system");
        assertThat(trail.getString("items[0].details.reason"))
                .isEqualTo("Expired: the offer was not concluded within 30 days");

        // Final: it is not concluded any more, and no longer counts as the tenant's live subscription to the service.
        Api.asMunicipality(ags).body(acceptingTerms()).post(conclusion(ags, id)).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        assertThat(db.outboxTypes(id)).containsExactly(DECLARED, OFFERED, EXPIRED);
        declared(ags, service);
    }

    @Test
    void an_offer_is_not_concluded_without_its_terms_accepted() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String id = offered(ags, catalog.publishedService(), "akdb");

        Api.asMunicipality(ags).body(Map.of()).post(conclusion(ags, id)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "terms-not-accepted"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("acceptedTerms"))
                .body("violations[0].message", equalTo("must accept the offer's terms, version "
                        + CatalogTopic.TERMS_VERSION));

        assertStillOffered(ags, id);
        assertAudited(id, "subscription.offer", "subscription.create");
    }

    @Test
    void the_providers_inbox_lists_by_status_what_became_of_each_interest() {
        String provider = "p" + UUID.randomUUID().toString().substring(0, 8);
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String open = declared(ags, serviceOf(provider));
        String offered = offered(ags, serviceOf(provider), provider);
        String declined = declared(ags, serviceOf(provider));
        Api.as(TestTokens.provider(provider)).body(Map.of("reason", "Noch nicht in Ihrem Land"))
                .post("/api/v1/provider/interests/" + declined + "/decline").then().statusCode(200);
        String withdrawn = declared(ags, serviceOf(provider));
        Api.asMunicipality(ags).delete(path(ags, withdrawn)).then().statusCode(200);
        String expired = declared(ags, serviceOf(provider));
        db.execute("UPDATE subscription SET status_since = now() - interval '31 days' WHERE id = ?::uuid", expired);
        expiry.expireOverdue();
        // Subscriptions without an Interessenbekundung are no interests, whatever their status.
        Api.subscribe(TestTokens.municipality(ags), ags, plan(serviceOf(provider), "basic")).statusCode(202);

        assertInbox(provider, "INTEREST_DECLARED", open);
        assertInbox(provider, "OFFERED", offered);
        assertInbox(provider, "DECLINED", declined);
        assertInbox(provider, "WITHDRAWN", withdrawn);
        assertInbox(provider, "EXPIRED", expired);
        assertInbox(provider, null, open, offered, declined, withdrawn, expired);
        Api.as(TestTokens.provider(provider)).get("/api/v1/provider/interests?status=DECLINED").then()
                .body("items[0].subscription.status", equalTo("DECLINED"))
                .body("items[0].subscription.declineReason", equalTo("Noch nicht in Ihrem Land"));

        for (String status : List.of("REQUESTED", "ACTIVE", "CANCELLED", "declined", "OPEN")) {
            Api.as(TestTokens.provider(provider)).queryParam("status", status).get("/api/v1/provider/interests")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "validation"))
                    .body("violations[0].field", equalTo("status"))
                    .body("violations[0].message", equalTo("must be one of INTEREST_DECLARED, OFFERED, DECLINED, "
                            + "WITHDRAWN, EXPIRED"));
        }
    }

    @Test
    void a_bundler_changes_cancels_and_withdraws_for_its_client_under_mandate_and_orders_nothing_once_it_is_revoked() {
        String client = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 1_000);
        String bundler = Api.bundlerWithMandateOf(client);
        String token = TestTokens.bundler(bundler);

        String changed = subscriptions.active(client, catalog.publishedService());
        Api.as(token).header("If-Match", etag(client, changed))
                .body(Map.of("planId", "terms", "acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION)))
                .patch(path(client, changed)).then().statusCode(202)
                .body("status", equalTo("UPDATE_REQUESTED"))
                .body("requestedUpdate.planId", equalTo("terms"))
                .body("requestedUpdate.contract.model", equalTo("TERMS"))
                .body("requestedUpdate.contract.terms.version", equalTo(CatalogTopic.TERMS_VERSION))
                .body("requestedUpdate.contract.acceptedBy", equalTo("bundler " + bundler))
                .body("history[-1].detail", startsWith("Update requested by bundler " + bundler));
        assertThat(db.outboxEvent(changed, "de.efa.subscription.update-requested.v1"))
                .isEqualTo(db.latestRequest(changed));

        String cancelled = subscriptions.active(client, catalog.publishedService());
        Api.as(token).delete(path(client, cancelled)).then().statusCode(202)
                .body("status", equalTo("CANCELLATION_REQUESTED"))
                .body("history[-1].detail", equalTo("Cancellation requested by bundler " + bundler));
        assertThat(db.outboxEvent(cancelled, "de.efa.subscription.cancellation-requested.v1"))
                .isEqualTo(db.latestRequest(cancelled));

        String withdrawn = Api.subscribe(token, client, plan(catalog.publishedService(), "nachnutzung"))
                .statusCode(201).extract().path("id");
        Api.as(token).delete(path(client, withdrawn)).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("history[1].detail", equalTo("Withdrawn by bundler " + bundler));
        assertThat(db.outboxTypes(withdrawn)).containsExactly(DECLARED, "de.efa.subscription.withdrawn.v1");
        assertThat(audit(withdrawn).getList("items.action", String.class))
                .containsExactly("subscription.withdraw", "subscription.create");

        String offer = Api.subscribe(token, client, plan(catalog.publishedService(), "nachnutzung"))
                .statusCode(201).extract().path("id");
        offer(offer, "akdb");

        Api.asMunicipality(client).delete("/api/v1/tenants/" + client + "/mandates/" + bundler).then()
                .statusCode(204);
        long stored = db.subscriptions(client);
        long events = db.requestEvents(client);
        UUID service = catalog.publishedService();
        for (Map<String, Object> order : List.of(plan(service, "basic"), plan(service, "nachnutzung"),
                Map.<String, Object>of("serviceId", service.toString(), "planId", "terms",
                        "acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION)))) {
            Api.subscribe(token, client, order).statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
        Api.as(token).body(acceptingTerms()).post(conclusion(client, offer)).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        assertStillOffered(client, offer);
        assertThat(db.subscriptions(client)).isEqualTo(stored);
        assertThat(db.requestEvents(client)).isEqualTo(events);
        // What it ordered under the mandate stays.
        Api.asMunicipality(client).get(path(client, changed)).then().body("status", equalTo("UPDATE_REQUESTED"));
        Api.asMunicipality(client).get(path(client, cancelled)).then()
                .body("status", equalTo("CANCELLATION_REQUESTED"));
    }

    private static Map<String, Object> plan(UUID service, String planId) {
        return Map.of("serviceId", service.toString(), "planId", planId);
    }

    private static Map<String, Object> acceptingTerms() {
        return Map.of("acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION));
    }

    private static String conclusion(String ags, String id) {
        return path(ags, id) + "/conclude";
    }

    private UUID serviceOf(String provider) {
        return catalog.publish(UUID.randomUUID(), "PUBLISHED", List.of(), 1, provider, CatalogTopic.TERMS_VERSION);
    }

    /** An interest the municipality declared in the service's plan "nachnutzung". */
    private static String declared(String ags, UUID service) {
        return Api.subscribe(TestTokens.municipality(ags), ags, plan(service, "nachnutzung")).statusCode(201)
                .body("status", equalTo("INTEREST_DECLARED")).extract().path("id");
    }

    /** The same, offered by its provider at 1,500 € a year. */
    private static String offered(String ags, UUID service, String provider) {
        String id = declared(ags, service);
        offer(id, provider);
        return id;
    }

    private static String offerPath(String id) {
        return "/api/v1/provider/interests/" + id + "/offer";
    }

    private static void offer(String id, String provider) {
        Api.as(TestTokens.provider(provider))
                .body(Map.of("conditions", Map.of("annualCents", 150_000, "note", "Nach EfA-Mustervertrag")))
                .post(offerPath(id)).then().statusCode(200)
                .body("subscription.status", equalTo("OFFERED"));
    }

    private void offeredDaysAgo(String id, int days) {
        db.execute("UPDATE subscription SET status_since = now() - make_interval(days => ?) WHERE id = ?::uuid",
                days, id);
    }

    /** Replaces the tenant's invoice address by its municipality, as a whole: null clears the Leitweg-ID. */
    private static void setLeitwegId(String ags, String leitwegId) {
        String etag = Api.asMunicipality(ags).get("/api/v1/tenants/" + ags).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> address = leitwegId == null ? Map.of() : Map.of("leitwegId", leitwegId);
        Api.asMunicipality(ags).header("If-Match", etag).body(address).put("/api/v1/tenants/" + ags
                + "/invoice-address").then().statusCode(200).body("leitwegId", equalTo(leitwegId));
    }

    private static void assertEveryPlanRefusedAsAlreadySubscribed(String ags, UUID service) {
        for (Map<String, Object> order : List.of(plan(service, "basic"), plan(service, "nachnutzung"),
                Map.<String, Object>of("serviceId", service.toString(), "planId", "terms",
                        "acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION)))) {
            Api.subscribe(TestTokens.municipality(ags), ags, order).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "conflict"))
                    .body("detail", equalTo("Tenant " + ags + " already has a live subscription to service "
                            + service + " (one that is not CANCELLED, FAILED, DECLINED, WITHDRAWN or EXPIRED)"));
        }
    }

    /** A refused conclusion left the offer as it was: no acceptance, no request, no event after the offer. */
    private void assertStillOffered(String ags, String id) {
        Api.asMunicipality(ags).get(path(ags, id)).then().statusCode(200)
                .body("status", equalTo("OFFERED"))
                .body("history", hasSize(2))
                .body("contract.acceptedBy", nullValue());
        assertThat(db.latestRequestOrNull(id)).isNull();
        assertThat(db.outboxTypes(id)).containsExactly(DECLARED, OFFERED);
    }

    private void assertAudited(String id, String... newestFirst) {
        assertThat(audit(id).getList("items.action", String.class)).containsExactly(newestFirst);
    }

    private static void assertInbox(String provider, String status, String... oldestFirst) {
        var request = Api.as(TestTokens.provider(provider)).queryParam("size", 100);
        if (status != null) {
            request.queryParam("status", status);
        }
        request.get("/api/v1/provider/interests").then().statusCode(200)
                .body("total", equalTo(oldestFirst.length))
                .body("items.subscription.id", equalTo(List.of(oldestFirst)));
    }

    private static JsonPath audit(String subscriptionId) {
        return Api.asOperator().queryParam("target", "subscription:" + subscriptionId).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
    }
}
