package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * POST/GET /rollouts: a plan for the tenants of a selection, each subscribed by the worker as if it had subscribed
 * itself, skipped with a reason where it cannot, and settled by the first provisioning result.
 */
@QuarkusTest
class RolloutResourceTest {

    static final String ROLLOUTS = "/api/v1/rollouts";
    /** Each test selects a Kreis of its own in Mecklenburg-Vorpommern (13), which no other test class uses. */
    private static final AtomicInteger NEXT_KREIS = new AtomicInteger(10);

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

    static String freshKreis() {
        return "137" + NEXT_KREIS.getAndIncrement();
    }

    static Map<String, Object> rollout(UUID service, String planId, Map<String, Object> select) {
        return Map.of("serviceId", service.toString(), "planId", planId, "parameters", CatalogTopic.VALID_PARAMETERS,
                "select", select);
    }

    static ValidatableResponse start(String token, Object body) {
        return Api.as(token).body(body).post(ROLLOUTS).then();
    }

    /** The rollout once the worker handled every item. */
    static JsonPath handled(String token, String id) {
        return handled(token, id, Duration.ofSeconds(30));
    }

    static JsonPath handled(String token, String id, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                Api.as(token).get(ROLLOUTS + "/" + id).then().statusCode(200).body("counts.pending", equalTo(0)));
        return Api.as(token).get(ROLLOUTS + "/" + id).then().extract().jsonPath();
    }

    static JsonPath items(String token, String id) {
        return Api.as(token).get(ROLLOUTS + "/" + id + "/items?size=100").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void aKreisRolloutSubscribesItsActiveTenantsSkipsTheOthersWithReasonsAndEndsWithTheirResults() {
        String kreis = freshKreis();
        String first = Api.activeTenant(kreis + "001", 10_000);
        String second = Api.activeTenant(kreis + "002", 20_000);
        String pending = kreis + "003";
        Api.asOperator().body(Api.registration(pending, "GEMEINDE", 10)).post("/api/v1/tenants").then()
                .statusCode(201);
        String subscribed = Api.activeTenant(kreis + "004", 30_000);
        String elsewhere = Api.activeTenant(TestAgs.fresh("13"), 1);
        UUID service = catalog.publishedService();
        Api.subscribe(TestTokens.municipality(subscribed), subscribed, Map.of("serviceId", service.toString(),
                "planId", "basic")).statusCode(202);

        ExtractableResponse<Response> answer = start(TestTokens.operator(), rollout(service, "standard",
                Map.of("kreis", kreis)))
                .statusCode(202)
                .body("status", equalTo("RUNNING"))
                .body("serviceId", equalTo(service.toString()))
                .body("planId", equalTo("standard"))
                .body("select", equalTo(Map.of("kreis", kreis)))
                .body("requestedBy", equalTo("operator operator"))
                .body("counts", equalTo(Map.of("selected", 4, "pending", 4, "subscribed", 0, "active", 0,
                        "interestDeclared", 0, "failed", 0, "skipped", 0)))
                .body("createdAt", notNullValue())
                .body("finishedAt", nullValue())
                .extract();
        String id = answer.path("id");
        assertThat(answer.header("Location")).endsWith(ROLLOUTS + "/" + id);

        JsonPath handled = handled(TestTokens.operator(), id);
        assertThat(handled.getString("status")).isEqualTo("RUNNING");
        assertThat(handled.getString("createdAt")).as("as answered, so as stored").isEqualTo(answer.path("createdAt"));
        assertThat(handled.getMap("counts")).containsEntry("subscribed", 2).containsEntry("skipped", 2);
        JsonPath items = items(TestTokens.operator(), id);
        assertThat(items.getList("items.ags")).containsExactly(first, second, pending, subscribed);
        assertThat(items.getList("items.status")).containsExactly("SUBSCRIBED", "SUBSCRIBED", "SKIPPED", "SKIPPED");
        assertThat(items.getString("items[0].tenantName")).isEqualTo("Testgemeinde " + first);
        assertThat(items.getString("items[2].reason")).isEqualTo("Tenant " + pending + " is PENDING; only an ACTIVE "
                + "tenant can subscribe, conclude or change a subscription");
        assertThat(items.getString("items[3].reason")).startsWith("Tenant " + subscribed + " already has a live "
                + "subscription to service " + service);
        assertThat(items.getString("items[2].subscriptionId")).isNull();
        Api.asOperator().get(ROLLOUTS + "/" + id + "/items?status=SKIPPED").then().body("total", equalTo(2))
                .body("items.ags", equalTo(List.of(pending, subscribed)));

        // Each subscription is what the tenant would have got subscribing itself, ordered by the operator for it.
        String firstSubscription = items.getString("items[0].subscriptionId");
        String secondSubscription = items.getString("items[1].subscriptionId");
        Api.asOperator().get(Subscriptions.path(first, firstSubscription)).then().statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("parameters.zustaendigkeit.behoerde", equalTo("Ordnungsamt"))
                .body("priceSnapshot.annualCents", equalTo(120_000 + 10_000 * 2))
                .body("history[0].detail", equalTo("Requested by operator operator"));
        ConsumerRecord<String, String> request = onboarding.requests(firstSubscription, 1, Duration.ofSeconds(30))
                .get(0);
        assertThat(OnboardingTopics.header(request, "ce_type")).isEqualTo("de.efa.subscription.requested.v1");
        assertThat(request.value()).contains("\"originatingUserId\":\"operator\"");
        EventSchemas.assertSatisfied(request);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE type = 'de.efa.subscription.requested.v1' "
                + "AND payload::jsonb ->> 'serviceId' = ?", service.toString())).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'subscription.create' "
                + "AND actor = 'operator' AND on_behalf_of = ? AND details ->> 'rolloutId' = ?", "tenant:" + first, id))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'rollout.skip' AND target_id LIKE ?",
                id + "/%")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'rollout.start' AND target_id = ?", id))
                .isEqualTo(1);
        assertThat(db.subscriptions(elsewhere)).isZero();

        onboarding.publishResult("provisioning-started", firstSubscription, "PROVISION", null);
        onboarding.publishResult("provisioned", firstSubscription, "PROVISION", null);
        onboarding.publishResult("provisioning-failed", secondSubscription, "PROVISION", "quota exceeded");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator().get(ROLLOUTS + "/" + id).then()
                .body("status", equalTo("DONE")).body("finishedAt", notNullValue())
                .body("counts", equalTo(Map.of("selected", 4, "pending", 0, "subscribed", 0, "active", 1,
                        "interestDeclared", 0, "failed", 1, "skipped", 2))));
        JsonPath settled = items(TestTokens.operator(), id);
        assertThat(settled.getList("items.status")).containsExactly("ACTIVE", "FAILED", "SKIPPED", "SKIPPED");
        assertThat(settled.getString("items[1].reason")).isEqualTo("quota exceeded");
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'rollout.finish' AND target_id = ?", id))
                .isEqualTo(1);

        // Later moves of the subscription do not rewrite what the rollout achieved.
        Api.asOperator().post(Subscriptions.path(second, secondSubscription) + "/resubmit").then().statusCode(202);
        onboarding.publishResult("provisioned", secondSubscription, "PROVISION", null);
        Subscriptions.awaitStatus(second, secondSubscription, "ACTIVE");
        assertThat(items(TestTokens.operator(), id).getString("items[1].status")).isEqualTo("FAILED");
    }

    /** The rollout's subscriptions and their request events continue the trace of the request that ordered it. */
    @Test
    void aRolloutsSubscriptionsAreInTheTraceOfItsRequest() {
        String kreis = freshKreis();
        String ags = Api.activeTenant(kreis + "001", 1_000);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        String id = Api.asOperator().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(rollout(catalog.publishedService(), "standard", Map.of("kreis", kreis))).post(ROLLOUTS)
                .then().statusCode(202).extract().path("id");

        String subscription = items(TestTokens.operator(), handled(TestTokens.operator(), id).getString("id"))
                .getString("items[0].subscriptionId");
        Api.asOperator().get(Subscriptions.path(ags, subscription)).then().body("traceId", equalTo(traceId));
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND traceparent LIKE ?",
                subscription, "00-" + traceId + "-%")).isEqualTo(1);
    }

    @Test
    void onlyOperatorsAndBundlersRollOutAndWhatIsTheSameForEveryTenantIsCheckedAtOnce() {
        UUID service = catalog.publishedService();
        String kreis = freshKreis();
        Map<String, Object> body = rollout(service, "standard", Map.of("kreis", kreis));
        given().contentType("application/json").body(body).post(ROLLOUTS).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(ROLLOUTS).then().statusCode(401);
        for (String token : List.of(TestTokens.municipality(kreis + "001"), TestTokens.provider("akdb"),
                TestTokens.withoutRole())) {
            start(token, body).statusCode(403).contentType("application/problem+json");
            Api.as(token).get(ROLLOUTS).then().statusCode(403);
        }
        start(TestTokens.operator(), Map.of("planId", "standard", "select", Map.of("kreis", kreis))).statusCode(400)
                .body("violations.field", equalTo(List.of("serviceId")));
        start(TestTokens.operator(), rollout(service, "standard", Map.of("land", "17", "kreis", "1",
                "ags", List.of(kreis + "001", "123")))).statusCode(400)
                .body("type", equalTo("https://efa-marketplace.de/problems/validation"))
                .body("violations.field", equalTo(List.of("select.land", "select.kreis", "select.ags[1]")));
        for (Map<String, Object> empty : List.<Map<String, Object>>of(Map.of(), Map.of("all", false),
                Map.of("ags", List.of()))) {
            start(TestTokens.operator(), rollout(service, "standard", empty)).statusCode(422)
                    .body("type", equalTo("https://efa-marketplace.de/problems/invalid-selection"))
                    .body("violations[0].field", equalTo("select"));
        }
        start(TestTokens.operator(), Map.of("serviceId", service.toString(), "planId", "standard")).statusCode(422)
                .body("violations[0].field", equalTo("select"));
        start(TestTokens.operator(), rollout(service, "standard", Map.of("clientsOf", "niemand"))).statusCode(422)
                .body("violations[0].field", equalTo("select.clientsOf"));
        start(TestTokens.operator(), rollout(UUID.randomUUID(), "standard", Map.of("kreis", kreis))).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/unknown-service"))
                .body("violations[0].field", equalTo("serviceId"));
        start(TestTokens.operator(), rollout(service, "gold", Map.of("kreis", kreis))).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/unknown-plan"));
        start(TestTokens.operator(), Map.of("serviceId", service.toString(), "planId", "standard", "parameters",
                Map.of("postfach", "kein-postfach"), "select", Map.of("kreis", kreis))).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/invalid-parameters"))
                .body("violations.field", hasItem("parameters.postfach"));
        Map<String, Object> notAnAddress = new HashMap<>(CatalogTopic.VALID_PARAMETERS);
        notAnAddress.put("benachrichtigung", "keine-mail");
        start(TestTokens.operator(), Map.of("serviceId", service.toString(), "planId", "standard", "parameters",
                notAnAddress, "select", Map.of("kreis", kreis))).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/invalid-parameters"))
                .body("violations.field", equalTo(List.of("parameters.benachrichtigung")));
        start(TestTokens.operator(), rollout(service, "terms", Map.of("kreis", kreis))).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/terms-not-accepted"))
                .body("violations[0].field", equalTo("planId"));
        UUID draft = catalog.publish(UUID.randomUUID(), "DRAFT", List.of(), 1);
        start(TestTokens.operator(), rollout(draft, "standard", Map.of("kreis", kreis))).statusCode(409);
        assertThat(db.count("SELECT count(*) FROM rollout WHERE service_id IN (?, ?)", service, draft)).isZero();

        // A selection that matches no one is a rollout that is over at once.
        String empty = start(TestTokens.operator(), rollout(service, "standard", Map.of("kreis", kreis)))
                .statusCode(202).body("status", equalTo("DONE")).body("finishedAt", notNullValue())
                .body("counts.selected", equalTo(0)).extract().path("id");
        Api.asOperator().get(ROLLOUTS + "/" + empty + "/items?status=DONE").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        Api.asOperator().get(ROLLOUTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBundlerRollsOutToItsClientsOnlyAndSeesOnlyItsOwnRollouts() {
        String kreis = freshKreis();
        String client = Api.activeTenant(kreis + "001", 1_000);
        String other = Api.activeTenant(kreis + "002", 1_000);
        String bundler = Api.bundlerWithMandateOf(client);
        String withContract = Api.activeTenantWithInvoiceAddress(kreis + "003", 1_000);
        Api.asMunicipality(withContract).body(Map.of("bundlerId", bundler))
                .post("/api/v1/tenants/" + withContract + "/mandates").then().statusCode(201);
        String token = TestTokens.bundler(bundler);
        UUID service = catalog.publishedService();

        start(token, rollout(service, "standard", Map.of("all", true))).statusCode(403);
        start(token, rollout(service, "standard", Map.of("ags", List.of(client, other)))).statusCode(403)
                .body("detail", containsString(other));
        start(token, rollout(service, "standard", Map.of("clientsOf", "kisa"))).statusCode(403);
        assertThat(db.count("SELECT count(*) FROM rollout WHERE service_id = ?", service)).isZero();

        String id = start(token, rollout(service, "standard", Map.of("land", "13"))).statusCode(202)
                .body("requestedBy", equalTo("bundler " + bundler))
                .body("counts.selected", equalTo(2)).extract().path("id");
        handled(token, id);
        JsonPath items = items(token, id);
        assertThat(items.getList("items.ags")).containsExactly(client, withContract);
        assertThat(items.getList("items.status")).containsExactly("SUBSCRIBED", "SUBSCRIBED");
        Api.as(token).get(Subscriptions.path(client, items.getString("items[0].subscriptionId"))).then()
                .statusCode(200).body("history[0].detail", equalTo("Requested by bundler " + bundler));
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'subscription.create' "
                + "AND actor_role = 'bundler' AND on_behalf_of = ?", "tenant:" + client)).isEqualTo(1);
        assertThat(db.subscriptions(other)).isZero();

        // Terms it accepts for its clients, naming their version.
        UUID withTerms = catalog.publishedService();
        Map<String, Object> terms = new HashMap<>(rollout(withTerms, "terms", Map.of("ags", List.of(withContract))));
        start(token, terms).statusCode(422).body("violations[0].field", equalTo("acceptedTerms"));
        terms.put("acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION));
        String termsRollout = start(token, terms).statusCode(202).extract().path("id");
        handled(token, termsRollout);
        Api.as(token).get(Subscriptions.path(withContract,
                        items(token, termsRollout).getString("items[0].subscriptionId"))).then()
                .body("contract.model", equalTo("TERMS"))
                .body("contract.acceptedBy", equalTo("bundler " + bundler));

        Api.as(TestTokens.bundler("kisa")).get(ROLLOUTS + "/" + id).then().statusCode(404);
        Api.as(TestTokens.bundler("kisa")).get(ROLLOUTS + "/" + id + "/items").then().statusCode(404);
        assertThat(Api.as(TestTokens.bundler("kisa")).get(ROLLOUTS + "?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).doesNotContain(id, termsRollout);
        assertThat(Api.as(token).get(ROLLOUTS).then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(termsRollout, id);
        Api.asOperator().get(ROLLOUTS + "/" + id).then().statusCode(200);
    }

    @Test
    void staffOfAMunicipalityWhoAlsoWorkForABundlerRollOutAsTheBundler() {
        String kreis = freshKreis();
        String own = Api.activeTenant(kreis + "001", 1_000);
        String client = Api.activeTenant(kreis + "002", 1_000);
        String bundler = Api.bundlerWithMandateOf(client);
        String token = TestTokens.claims("staff-" + own + "-and-" + bundler, "municipality", "bundler")
                .claim("ags", own).claim("bundler_id", bundler).sign();

        String id = start(token, rollout(catalog.publishedService(), "standard", Map.of("clientsOf", bundler)))
                .statusCode(202).body("requestedBy", equalTo("bundler " + bundler)).extract().path("id");
        handled(token, id);

        JsonPath items = items(token, id);
        assertThat(items.getList("items.ags")).containsExactly(client);
        assertThat(items.getList("items.status")).containsExactly("SUBSCRIBED");
        Api.as(token).get(Subscriptions.path(client, items.getString("items[0].subscriptionId"))).then()
                .statusCode(200).body("history[0].detail", equalTo("Requested by bundler " + bundler));
    }

    @Test
    void aPlanReusedAfterAnInterestGetsInterestsWhichEndTheRollout() {
        String kreis = freshKreis();
        String withContract = Api.activeTenantWithInvoiceAddress(kreis + "001", 1_000);
        String without = Api.activeTenant(kreis + "002", 1_000);
        UUID service = catalog.publishedService();

        String id = start(TestTokens.operator(), rollout(service, "nachnutzung", Map.of("kreis", kreis)))
                .statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator().get(ROLLOUTS + "/" + id).then()
                .body("status", equalTo("DONE"))
                .body("counts.interestDeclared", equalTo(1)).body("counts.skipped", equalTo(1)));
        JsonPath items = items(TestTokens.operator(), id);
        assertThat(items.getList("items.status")).containsExactly("INTEREST_DECLARED", "SKIPPED");
        assertThat(items.getString("items[1].reason")).startsWith("A subscription to a plan with a contract is "
                + "declared only for a tenant with a Leitweg-ID").contains("leitwegId is not set for tenant " + without);
        String interest = items.getString("items[0].subscriptionId");
        Api.asOperator().get(Subscriptions.path(withContract, interest)).then()
                .body("status", equalTo("INTEREST_DECLARED"))
                .body("history[0].detail", equalTo("Interest declared by operator operator"));
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? "
                + "AND type = 'de.efa.subscription.interest-declared.v1'", interest)).isEqualTo(1);
    }

    @Test
    void aRetriedRolloutWithItsIdempotencyKeyStartsOnce() {
        String kreis = freshKreis();
        Api.activeTenant(kreis + "001", 1_000);
        UUID service = catalog.publishedService();
        Map<String, Object> body = rollout(service, "standard", Map.of("kreis", kreis));

        String id = Api.asOperator().header("Idempotency-Key", "rollout-" + kreis).body(body).post(ROLLOUTS).then()
                .statusCode(202).header("Idempotent-Replayed", nullValue()).extract().path("id");
        Api.asOperator().header("Idempotency-Key", "rollout-" + kreis).body(body).post(ROLLOUTS).then()
                .statusCode(202).header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(id))
                .header("Location", endsWith(ROLLOUTS + "/" + id));
        Api.asOperator().header("Idempotency-Key", "rollout-" + kreis)
                .body(rollout(service, "basic", Map.of("kreis", kreis))).post(ROLLOUTS).then().statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/idempotency-key-reused"));
        assertThat(db.count("SELECT count(*) FROM rollout WHERE service_id = ?", service)).isEqualTo(1);
        handled(TestTokens.operator(), id);
        assertThat(db.count("SELECT count(*) FROM subscription WHERE service_id = ?", service)).isEqualTo(1);
    }

    /** An item that no transaction can take is skipped with its reason, and no rollout waits behind it. */
    @Test
    void aSubscriptionWhoseEventIsTooLargeForKafkaIsSkippedAndTheRolloutsAfterItGoOn() {
        String kreis = freshKreis();
        String first = Api.activeTenant(kreis + "001", 1_000);
        String second = Api.activeTenant(kreis + "002", 1_000);
        String elsewhere = Api.activeTenant(freshKreis() + "001", 1_000);
        UUID service = catalog.publishedService();

        String tooLarge = start(TestTokens.operator(), Map.of("serviceId", service.toString(), "planId", "basic",
                "parameters", Map.of("hinweis", "x".repeat(1_000_100)), "select", Map.of("kreis", kreis)))
                .statusCode(202).extract().path("id");
        String small = start(TestTokens.operator(), rollout(service, "basic", Map.of("ags", List.of(elsewhere))))
                .statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Api.asOperator().get(ROLLOUTS + "/" + tooLarge)
                .then().body("status", equalTo("DONE")).body("counts.skipped", equalTo(2)));
        JsonPath skipped = items(TestTokens.operator(), tooLarge);
        assertThat(skipped.getList("items.ags")).containsExactly(first, second);
        assertThat(skipped.getList("items.reason", String.class)).allSatisfy(reason -> assertThat(reason)
                .startsWith("The change would be published as a de.efa.subscription.requested.v1 event of "));
        assertThat(db.subscriptions(first) + db.subscriptions(second)).isZero();
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'rollout.skip' AND target_id LIKE ?",
                tooLarge + "/%")).isEqualTo(2);
        assertThat(handled(TestTokens.operator(), small).getMap("counts")).containsEntry("subscribed", 1);
    }

    /**
     * An item whose subscription fails alone for a fault of the service, on every pass, is counted each time and
     * given up after {@code efa.rollout.max-item-attempts} (5): SKIPPED with the failure as its reason, while the
     * others of its batch are subscribed, and its rollout ends with their provisioning.
     */
    @Test
    void anItemThatFailsForAFaultOfOursOnEveryPassIsSkippedAfterItsAttemptsAndItsRolloutEnds() {
        String kreis = freshKreis();
        String first = Api.activeTenant(kreis + "001", 1_000);
        String failing = Api.activeTenant(kreis + "002", 1_000);
        String third = Api.activeTenant(kreis + "003", 1_000);
        UUID service = catalog.publishedService();

        rollOutWhileSubscriptionsFail(service, kreis, failing, "true", id -> {
            assertThat(handled(TestTokens.operator(), id, Duration.ofSeconds(60)).getMap("counts"))
                    .containsEntry("subscribed", 2).containsEntry("skipped", 1);
            JsonPath items = items(TestTokens.operator(), id);
            assertThat(items.getList("items.ags")).containsExactly(first, failing, third);
            assertThat(items.getList("items.status")).containsExactly("SUBSCRIBED", "SKIPPED", "SUBSCRIBED");
            assertThat(items.getString("items[1].reason"))
                    .startsWith("Given up after 5 failed attempts (a fault of tenant-service, not a refusal): ")
                    .contains("no subscription for " + failing + " today").doesNotContain("insert into")
                    .doesNotContain("PL/pgSQL");
            assertThat(items.getString("items[1].subscriptionId")).isNull();
            assertThat(failedAttempts(id, failing)).isEqualTo(5);
            assertThat(db.subscriptions(failing)).isZero();
            assertThat(db.subscriptions(first) + db.subscriptions(third)).isEqualTo(2);
            assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'rollout.skip' AND target_id = ? "
                    + "AND details ->> 'reason' LIKE 'Given up after 5 failed attempts%'", id + "/" + failing))
                    .isEqualTo(1);

            onboarding.publishResult("provisioned", items.getString("items[0].subscriptionId"), "PROVISION", null);
            onboarding.publishResult("provisioned", items.getString("items[2].subscriptionId"), "PROVISION", null);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator().get(ROLLOUTS + "/" + id)
                    .then().body("status", equalTo("DONE")).body("finishedAt", notNullValue())
                    .body("counts", equalTo(Map.of("selected", 3, "pending", 0, "subscribed", 0, "active", 2,
                            "interestDeclared", 0, "failed", 0, "skipped", 1))));
            assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'rollout.finish' AND target_id = ?",
                    id)).isEqualTo(1);
        });
    }

    /** An item that failed alone once is tried again on the next pass, and its one failure does not end it. */
    @Test
    void anItemThatFailsForAFaultOfOursOnceIsSubscribedOnTheNextPass() {
        String kreis = freshKreis();
        String first = Api.activeTenant(kreis + "001", 1_000);
        String failing = Api.activeTenant(kreis + "002", 1_000);
        UUID service = catalog.publishedService();

        // Fails in the batch and alone, until that failure is counted.
        rollOutWhileSubscriptionsFail(service, kreis, failing,
                "(SELECT failed_attempts FROM rollout_item WHERE ags = NEW.ags) = 0", id -> {
            assertThat(handled(TestTokens.operator(), id).getMap("counts")).containsEntry("subscribed", 2)
                    .containsEntry("skipped", 0);
            assertThat(items(TestTokens.operator(), id).getList("items.status"))
                    .containsExactly("SUBSCRIBED", "SUBSCRIBED");
            assertThat(failedAttempts(id, failing)).isEqualTo(1);
            assertThat(db.subscriptions(first) + db.subscriptions(failing)).isEqualTo(2);
        });
    }

    /**
     * Every item failing alone is the service's fault, not theirs (a bad deployment): counted against none, they stay
     * PENDING and are subscribed once it is mended.
     */
    @Test
    void itemsThatAllFailAloneAreNotCountedAndWaitForTheMend() {
        String kreis = freshKreis();
        String first = Api.activeTenant(kreis + "001", 1_000);
        String second = Api.activeTenant(kreis + "002", 1_000);
        UUID service = catalog.publishedService();

        String[] rollout = new String[1];
        rollOutWhileSubscriptionsFail(service, kreis, kreis + "%", "true", id -> {
            rollout[0] = id;
            // Ten of the test profile's passes (300 ms apart): each would have counted both before.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(items(TestTokens.operator(), id).getList("items.status")).containsExactly("PENDING", "PENDING");
            assertThat(failedAttempts(id, first) + failedAttempts(id, second)).isZero();
        });
        assertThat(handled(TestTokens.operator(), rollout[0]).getMap("counts")).containsEntry("subscribed", 2)
                .containsEntry("skipped", 0);
    }

    /**
     * Rolls plan basic out to the Kreis and runs {@code test} with the rollout's id, while the database refuses to
     * insert a subscription of an AGS {@code LIKE agsPattern} whenever {@code when} holds: a failure of the service's
     * own, as a constraint it breaks would be, which no refusal explains.
     */
    private void rollOutWhileSubscriptionsFail(UUID service, String kreis, String agsPattern, String when,
            Consumer<String> test) {
        String name = "fail_subscriptions_of_" + agsPattern.replace('%', 'x');
        db.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.ags LIKE '" + agsPattern + "' AND " + when + " THEN "
                + "RAISE EXCEPTION 'no subscription for % today', NEW.ags USING ERRCODE = 'check_violation'; "
                + "END IF; RETURN NEW; END $$");
        db.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON subscription FOR EACH ROW EXECUTE FUNCTION "
                + name + "()");
        try {
            test.accept(start(TestTokens.operator(), rollout(service, "basic", Map.of("kreis", kreis)))
                    .statusCode(202).extract().path("id"));
        } finally {
            db.execute("DROP TRIGGER " + name + " ON subscription");
            db.execute("DROP FUNCTION " + name + "()");
        }
    }

    private long failedAttempts(String rolloutId, String ags) {
        return db.count("SELECT failed_attempts FROM rollout_item WHERE rollout_id = ?::uuid AND ags = ?", rolloutId,
                ags);
    }

    /** {@code all} means ACTIVE tenants only, also where {@code ags} names others; more AGS than Germany has is 400. */
    @Test
    void allNamesActiveTenantsOnlyAndANamedListHasABound() {
        String kreis = freshKreis();
        String active = Api.activeTenant(kreis + "001", 1_000);
        String pending = kreis + "002";
        Api.asOperator().body(Api.registration(pending, "GEMEINDE", 10)).post("/api/v1/tenants").then()
                .statusCode(201);
        UUID service = catalog.publishedService();

        String id = start(TestTokens.operator(), rollout(service, "standard", Map.of("all", true, "kreis", kreis,
                "ags", List.of(active, pending, kreis + "003")))).statusCode(202)
                .body("counts.selected", equalTo(1)).extract().path("id");
        assertThat(items(TestTokens.operator(), id).getList("items.ags")).containsExactly(active);

        List<String> tooMany = IntStream.rangeClosed(1, 16_385).mapToObj(i -> String.format("13%06d", i)).toList();
        start(TestTokens.operator(), rollout(service, "standard", Map.of("ags", tooMany))).statusCode(400)
                .body("violations.field", equalTo(List.of("select.ags")))
                .body("violations[0].message", startsWith("names 16385 AGS; at most 16384 can be named"));
        assertThat(db.count("SELECT count(*) FROM rollout WHERE service_id = ?", service)).isEqualTo(1);
    }

    @Test
    void itemsACrashLeftPendingAreTakenUpByTheWorker() {
        String kreis = freshKreis();
        String first = Api.activeTenant(kreis + "001", 1_000);
        String second = Api.activeTenant(kreis + "002", 1_000);
        UUID service = catalog.publishedService();
        UUID id = UUID.randomUUID();
        // What a POST left behind when its replica died before the worker got to any item.
        db.execute("""
                INSERT INTO rollout (id, service_id, plan_id, parameters, selection, requested_by, requester_subject,
                                     requester_role, status, created_at)
                VALUES (?, ?, 'basic', '{}', ?::jsonb, 'operator operator', 'operator', 'operator', 'RUNNING', now())""",
                id, service, "{\"kreis\":\"" + kreis + "\"}");
        for (String ags : List.of(first, second)) {
            db.execute("INSERT INTO rollout_item (rollout_id, ags, tenant_name, status, updated_at) "
                    + "VALUES (?, ?, 'Testgemeinde', 'PENDING', now())", id, ags);
        }

        handled(TestTokens.operator(), id.toString());
        assertThat(items(TestTokens.operator(), id.toString()).getList("items.status"))
                .containsExactly("SUBSCRIBED", "SUBSCRIBED");
        assertThat(db.count("SELECT count(*) FROM subscription WHERE service_id = ?", service)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE type = 'de.efa.subscription.requested.v1' "
                + "AND payload::jsonb ->> 'serviceId' = ?", service.toString())).isEqualTo(2);
    }
}
