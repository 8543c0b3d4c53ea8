package de.efa.tenant.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.efa.tenant.support.OnboardingTopics.header;
import static de.efa.tenant.support.Subscriptions.WAIT;
import static de.efa.tenant.support.Subscriptions.awaitStatus;
import static de.efa.tenant.support.Subscriptions.etag;
import static de.efa.tenant.support.Subscriptions.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Changing a subscription's plan or configuration: PATCH, its rules, its event, and the provider's results. */
@QuarkusTest
class SubscriptionChangeTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Db db;
    CatalogTopic catalog;
    OnboardingTopics onboarding;
    Subscriptions subscriptions;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
        onboarding = new OnboardingTopics(kafka, db);
        subscriptions = new Subscriptions(onboarding);
    }

    @Test
    void aPlanChangeWaitsForTheProviderAndThenBringsTheNewPlanParametersAndPrice() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 10_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        String path = path(ags, id);
        String etag = etag(ags, id);
        long events = db.requestEvents(ags);

        Api.asMunicipality(ags).body(Map.of("planId", "komfort")).patch(path).then().statusCode(428)
                .body("type", equalTo("https://efa-marketplace.de/problems/if-match-required"));
        Api.asMunicipality(ags).header("If-Match", "\"999\"").body(Map.of("planId", "komfort")).patch(path).then()
                .statusCode(412).body("type", equalTo("https://efa-marketplace.de/problems/stale-version"));
        Api.asMunicipality(ags).header("If-Match", etag).body(Map.of("planId", "komfort")).patch(path).then()
                .statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/invalid-parameters"))
                .body("violations.field", equalTo(List.of("parameters.telefon")));
        assertThat(db.requestEvents(ags)).isEqualTo(events);
        assertThat(etag(ags, id)).isEqualTo(etag);

        ExtractableResponse<Response> answer = Api.asMunicipality(ags).header("If-Match", etag)
                .body(Map.of("planId", "komfort", "parameters", CatalogTopic.KOMFORT_PARAMETERS)).patch(path).then()
                .statusCode(202)
                .body("status", equalTo("UPDATE_REQUESTED"))
                .body("planId", equalTo("standard"))
                .body("parameters.telefon", nullValue())
                .body("priceSnapshot.annualCents", equalTo(120_000 + 10_000 * 2))
                .body("requestedUpdate.planId", equalTo("komfort"))
                .body("requestedUpdate.parameters.telefon", equalTo("0341 123-0"))
                .body("requestedUpdate.priceSnapshot.setupFeeCents", equalTo(0))
                .body("requestedUpdate.priceSnapshot.annualCents", equalTo(200_000 + 10_000 * 3))
                .body("requestedUpdate.priceSnapshot.annualPerInhabitantCents", equalTo(3))
                .body("requestedUpdate.priceSnapshot.population", equalTo(10_000))
                .body("history[-1].status", equalTo("UPDATE_REQUESTED"))
                .body("history[-1].detail", startsWith("Update requested by municipality " + ags
                        + " (plan standard → komfort, 0.00 € setup fee, 2,300.00 € a year); in effect until the "
                        + "provider confirms: plan standard, parameters {"))
                .extract();
        assertThat(answer.header("ETag")).isNotEqualTo(etag).isEqualTo(etag(ags, id));
        assertThat(db.count("SELECT count(*) FROM subscription WHERE id = ?::uuid AND plan_id = 'standard' "
                + "AND update_plan_id = 'komfort' AND update_parameters ->> 'telefon' = '0341 123-0'", id)).isOne();

        ConsumerRecord<String, String> update = onboarding.requests(id, 2, WAIT).get(1);
        assertThat(header(update, "ce_type")).isEqualTo("de.efa.subscription.update-requested.v1");
        assertThat(header(update, "ce_id")).isEqualTo(db.latestRequest(id).toString());
        JsonNode payload = json.readTree(update.value());
        assertThat(payload.path("operation").asText()).isEqualTo("UPDATE");
        assertThat(payload.path("planId").asText()).isEqualTo("komfort");
        assertThat(payload.path("previousPlanId").asText()).isEqualTo("standard");
        assertThat(payload.path("parameters").path("telefon").asText()).isEqualTo("0341 123-0");
        assertThat(payload.path("originatingUserId").asText()).isEqualTo("staff-" + ags);
        EventSchemas.assertSatisfied(update);

        Api.asMunicipality(ags).header("If-Match", answer.header("ETag")).body(Map.of("parameters", Map.of()))
                .patch(path).then().statusCode(409);
        Api.asMunicipality(ags).delete(path).then().statusCode(409);

        onboarding.publishResult("provisioning-started", id, "UPDATE", null);
        awaitStatus(ags, id, "UPDATING");
        onboarding.publishResult("updated", id, "UPDATE", null, Map.of("planId", "komfort"));
        awaitStatus(ags, id, "ACTIVE");
        Api.asMunicipality(ags).get(path).then()
                .body("planId", equalTo("komfort"))
                .body("parameters.telefon", equalTo("0341 123-0"))
                .body("priceSnapshot.setupFeeCents", equalTo(0))
                .body("priceSnapshot.annualCents", equalTo(230_000))
                .body("priceSnapshot.annualBaseCents", equalTo(200_000))
                .body("requestedUpdate", nullValue())
                .body("lastUpdateFailure", nullValue())
                .body("history.status", equalTo(List.of("REQUESTED", "ACTIVE", "UPDATE_REQUESTED", "UPDATING",
                        "ACTIVE")))
                .body("history[-1].detail", equalTo("Plan changed at the provider: standard → komfort, 0.00 € "
                        + "setup fee, 2,300.00 € a year"));
        assertThat(db.count("SELECT count(*) FROM subscription WHERE id = ?::uuid AND update_plan_id IS NULL "
                + "AND update_parameters IS NULL AND update_annual_cents IS NULL", id)).isOne();
    }

    @Test
    void aChangeWithAValueNotInTheFormatThePlanDeclaresIs422AndChangesNothing() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 10);
        String id = subscriptions.active(ags, catalog.publishedService());
        String path = path(ags, id);
        String etag = etag(ags, id);
        long events = db.requestEvents(ags);
        Map<String, Object> komfort = new HashMap<>(CatalogTopic.KOMFORT_PARAMETERS);
        komfort.put("benachrichtigung", "keine-mail");
        Map<String, Object> standard = new HashMap<>(CatalogTopic.VALID_PARAMETERS);
        standard.put("endpunkt", "kein-url");

        Api.asMunicipality(ags).header("If-Match", etag).body(Map.of("planId", "komfort", "parameters", komfort))
                .patch(path).then().statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/invalid-parameters"))
                .body("violations.field", equalTo(List.of("parameters.benachrichtigung")));
        Api.asMunicipality(ags).header("If-Match", etag).body(Map.of("parameters", standard))
                .patch(path).then().statusCode(422)
                .body("violations.field", equalTo(List.of("parameters.endpunkt")));
        assertThat(db.requestEvents(ags)).isEqualTo(events);
        assertThat(etag(ags, id)).isEqualTo(etag);

        komfort.put("benachrichtigung", "ordnungsamt@musterstadt.de");
        Api.asMunicipality(ags).header("If-Match", etag).body(Map.of("planId", "komfort", "parameters", komfort))
                .patch(path).then().statusCode(202)
                .body("requestedUpdate.parameters.benachrichtigung", equalTo("ordnungsamt@musterstadt.de"));
    }

    /** The marketplace leaves instanceUsable out when the broker was not asked or gave no final answer. */
    @Test
    void aChangeThatFailedWithoutTheProvidersWordLeavesTheSubscriptionAsItWasBeforeIt() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        String path = path(ags, id);
        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of("parameters", otherPostfach()))
                .patch(path).then().statusCode(202);
        onboarding.publishResult("update-failed", id, "UPDATE", "instance broken", Map.of("instanceUsable", false));
        awaitStatus(ags, id, "UNUSABLE");

        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of()).patch(path).then().statusCode(202);
        onboarding.publishResult("update-failed", id, "UPDATE", "gave up after 24 h, retry budget PT24H", Map.of());

        await().atMost(WAIT).untilAsserted(() -> Api.asMunicipality(ags).get(path).then()
                .body("lastUpdateFailure.reason", equalTo("gave up after 24 h, retry budget PT24H")));
        Api.asMunicipality(ags).get(path).then()
                .body("status", equalTo("UNUSABLE"))
                .body("requestedUpdate", nullValue())
                .body("parameters.postfach", equalTo("ordnungsamt@gemeinde.example"))
                .body("history.status", equalTo(List.of("REQUESTED", "ACTIVE", "UPDATE_REQUESTED", "UNUSABLE",
                        "UPDATE_REQUESTED", "UNUSABLE")))
                .body("history[-1].detail", equalTo("Update failed, the instance stays unusable: gave up after 24 h, "
                        + "retry budget PT24H"));

        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of()).patch(path).then().statusCode(202);
        onboarding.publishResult("update-failed", id, "UPDATE", "instance repaired, update refused",
                Map.of("instanceUsable", true));
        awaitStatus(ags, id, "ACTIVE");
    }

    @Test
    void aFailedChangeKeepsWhatIsInEffectOrLeavesTheSubscriptionUnusableUntilAnotherChange() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        String path = path(ags, id);
        Map<String, Object> otherPostfach = otherPostfach();

        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of("parameters", otherPostfach))
                .patch(path).then().statusCode(202).body("requestedUpdate.planId", equalTo("standard"))
                .body("requestedUpdate.priceSnapshot.annualCents", equalTo(122_000));
        onboarding.publishResult("update-failed", id, "UPDATE", "broker refused the configuration",
                Map.of("instanceUsable", true));
        awaitStatus(ags, id, "ACTIVE");
        Api.asMunicipality(ags).get(path).then()
                .body("parameters.postfach", equalTo("ordnungsamt@gemeinde.example"))
                .body("requestedUpdate", nullValue())
                .body("lastUpdateFailure.reason", equalTo("broker refused the configuration"))
                .body("lastUpdateFailure.at", notNullValue())
                .body("history[-1].detail", equalTo("Update failed, plan standard and its configuration stay: "
                        + "broker refused the configuration"));

        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of("parameters", otherPostfach))
                .patch(path).then().statusCode(202);
        onboarding.publishResult("update-failed", id, "UPDATE", "instance broken", Map.of("instanceUsable", false));
        awaitStatus(ags, id, "UNUSABLE");
        Api.asMunicipality(ags).get(path).then().body("lastUpdateFailure.reason", equalTo("instance broken"))
                .body("parameters.postfach", equalTo("ordnungsamt@gemeinde.example"));

        // Asking for nothing new is how an UNUSABLE instance gets the configuration in effect again.
        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of()).patch(path).then().statusCode(202)
                .body("status", equalTo("UPDATE_REQUESTED"));
        ConsumerRecord<String, String> again = onboarding.requests(id, 4, WAIT).get(3);
        assertThat(header(again, "ce_type")).isEqualTo("de.efa.subscription.update-requested.v1");
        EventSchemas.assertSatisfied(again);
        onboarding.publishResult("updated", id, "UPDATE", null, Map.of("planId", "standard"));
        awaitStatus(ags, id, "ACTIVE");
        Api.asMunicipality(ags).get(path).then().body("lastUpdateFailure", nullValue())
                .body("history[-1].detail", equalTo("Configuration updated at the provider"));
    }

    @Test
    void thePlanRulesDecideWhatMayBeChangedAndNothingChangesWhenRefused() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        UUID service = catalog.publishedService();
        String requested = Subscriptions.requested(ags, service);
        Api.asMunicipality(ags).header("If-Match", etag(ags, requested)).body(Map.of("parameters", Map.of()))
                .patch(path(ags, requested)).then().statusCode(409)
                .body("detail", equalTo("Subscription " + requested + " is REQUESTED; only an ACTIVE or UNUSABLE "
                        + "subscription can be changed"));
        onboarding.publishResult("provisioned", requested, "PROVISION", null);
        awaitStatus(ags, requested, "ACTIVE");
        String path = path(ags, requested);
        String etag = etag(ags, requested);
        long events = db.requestEvents(ags);

        change(ags, path, etag, Map.of("planId", "nachnutzung")).statusCode(409)
                .body("detail", startsWith("Plan nachnutzung is reused only after an Interessenbekundung"));
        change(ags, path, etag, Map.of("planId", "premium")).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/unknown-plan"))
                .body("violations[0].field", equalTo("planId"));
        change(ags, path, etag, Map.of("planId", "terms")).statusCode(409)
                .body("type", equalTo("https://efa-marketplace.de/problems/leitweg-id-required"));
        change(ags, path, etag, Map.of("parameters", List.of(1))).statusCode(400)
                .body("violations[0].field", equalTo("parameters"));
        change(ags, path, etag, Map.of("planId", " ")).statusCode(400).body("violations[0].field", equalTo("planId"));
        change(ags, path, etag, Map.of("plan", "komfort")).statusCode(400);
        change(ags, path, etag, Map.of("parameters", Map.of("postfach", "rathaus@gemeinde.example"))).statusCode(422)
                .body("violations.field", equalTo(List.of("parameters.zustaendigkeit")));
        Api.asMunicipality(ags).header("If-Match", etag).body(Map.of()).patch(path(ags, UUID.randomUUID().toString()))
                .then().statusCode(404);

        // Nothing new for an ACTIVE subscription: 200, and nothing happens.
        change(ags, path, etag, Map.of("planId", "standard", "parameters", CatalogTopic.VALID_PARAMETERS))
                .statusCode(200).body("status", equalTo("ACTIVE")).header("ETag", equalTo(etag));
        change(ags, path, etag, Map.of()).statusCode(200);
        assertThat(db.requestEvents(ags)).isEqualTo(events);
        Api.asMunicipality(ags).get(path).then().body("history", hasSize(2)).header("ETag", equalTo(etag));

        // A plan that is not updatable is not left; its configuration may still change.
        String ags2 = Api.activeTenant(TestAgs.fresh(), 1_000);
        String basic = Api.subscribe(TestTokens.municipality(ags2), ags2, Map.of("serviceId", service.toString(),
                "planId", "basic")).statusCode(202).extract().path("id");
        onboarding.publishResult("provisioned", basic, "PROVISION", null);
        awaitStatus(ags2, basic, "ACTIVE");
        change(ags2, path(ags2, basic), etag(ags2, basic), Map.of("planId", "standard", "parameters",
                CatalogTopic.VALID_PARAMETERS)).statusCode(409)
                .body("detail", equalTo("Plan basic is not updatable: a subscription to it cannot change to another "
                        + "plan, only its configuration"));
        change(ags2, path(ags2, basic), etag(ags2, basic), Map.of("parameters", Map.of("hinweis", "neu")))
                .statusCode(202).body("requestedUpdate.planId", equalTo("basic"));
    }

    @Test
    void aTermsPlanIsChangedToOnlyWithItsTermsAcceptedByTheMunicipalityOrItsBundler() throws Exception {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        String path = path(ags, id);
        String etag = etag(ags, id);

        change(ags, path, etag, Map.of("planId", "terms")).statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/terms-not-accepted"))
                .body("violations[0].field", equalTo("acceptedTerms"));
        change(ags, path, etag, Map.of("planId", "terms", "acceptedTerms", Map.of("version", "2025-12")))
                .statusCode(422).body("violations[0].field", equalTo("acceptedTerms.version"));
        Api.asOperator().header("If-Match", etag).body(Map.of("planId", "terms", "acceptedTerms",
                Map.of("version", "2026-01"))).patch(path).then().statusCode(403);

        change(ags, path, etag, Map.of("planId", "terms", "acceptedTerms", Map.of("version", "2026-01")))
                .statusCode(202)
                .body("contract.model", equalTo("NONE"))
                .body("requestedUpdate.contract.model", equalTo("TERMS"))
                .body("requestedUpdate.contract.terms.version", equalTo("2026-01"))
                .body("requestedUpdate.contract.acceptedBy", equalTo("municipality " + ags))
                .body("requestedUpdate.priceSnapshot.annualCents", equalTo(30_000 + 1_000));
        onboarding.publishResult("updated", id, "UPDATE", null, Map.of("planId", "terms"));
        awaitStatus(ags, id, "ACTIVE");
        Api.asMunicipality(ags).get(path).then().body("planId", equalTo("terms"))
                .body("contract.model", equalTo("TERMS"))
                .body("contract.acceptedBy", equalTo("municipality " + ags));
    }

    @Test
    void whoMayChangeASubscriptionIsWhoMaySubscribe() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        String path = path(ags, id);
        Map<String, Object> body = Map.of("parameters", Map.of("zustaendigkeit", Map.of("behoerde", "Bürgeramt"),
                "postfach", "buergeramt@gemeinde.example"));
        String bundler = "chg" + UUID.randomUUID().toString().substring(0, 8);
        Api.asOperator().body(Map.of("id", bundler, "name", "Bündler", "contactEmail", "b@b.example"))
                .post("/api/v1/bundlers").then().statusCode(201);

        Api.asMunicipality(TestAgs.fresh()).header("If-Match", etag(ags, id)).body(body).patch(path).then()
                .statusCode(403);
        Api.as(TestTokens.bundler(bundler)).header("If-Match", etag(ags, id)).body(body).patch(path).then()
                .statusCode(403);
        Api.as(TestTokens.provider("akdb")).header("If-Match", etag(ags, id)).body(body).patch(path).then()
                .statusCode(403);
        Api.asMunicipality(ags).body(Map.of("bundlerId", bundler)).post("/api/v1/tenants/" + ags + "/mandates")
                .then().statusCode(201);

        Api.as(TestTokens.bundler(bundler)).header("If-Match", etag(ags, id)).body(body).patch(path).then()
                .statusCode(202).body("history[-1].detail", startsWith("Update requested by bundler " + bundler));
        ConsumerRecord<String, String> byBundler = onboarding.requests(id, 2, WAIT).get(1);
        assertThat(json.readTree(byBundler.value()).path("originatingUserId").asText())
                .isEqualTo("staff-" + bundler);
        onboarding.publishResult("updated", id, "UPDATE", null, Map.of("planId", "standard"));
        awaitStatus(ags, id, "ACTIVE");

        Api.asOperator().header("If-Match", etag(ags, id)).body(Map.of("parameters", CatalogTopic.VALID_PARAMETERS))
                .patch(path).then().statusCode(202)
                .body("history[-1].detail", startsWith("Update requested by operator operator"));
        ConsumerRecord<String, String> byOperator = onboarding.requests(id, 3, WAIT).get(2);
        assertThat(json.readTree(byOperator.value()).path("originatingUserId").asText()).isEqualTo("operator");
        EventSchemas.assertSatisfied(byOperator);
    }

    @Test
    void aChangeRacingACancellationLosesOrWinsAsAWholeAndTheOtherIs409() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        UUID service = catalog.publishedService();
        String id = subscriptions.active(ags, service);
        String etag = etag(ags, id);
        Map<String, Object> body = Map.of("parameters", Map.of("zustaendigkeit", Map.of("behoerde", "Bürgeramt"),
                "postfach", "buergeramt@gemeinde.example"));

        List<Integer> answers = concurrently(
                () -> Api.asMunicipality(ags).header("If-Match", etag).body(body).patch(path(ags, id)).statusCode(),
                () -> Api.asMunicipality(ags).delete(path(ags, id)).statusCode());

        assertThat(answers).containsExactlyInAnyOrder(202, 409);
        String expected = answers.get(0) == 202 ? "UPDATE_REQUESTED" : "CANCELLATION_REQUESTED";
        Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo(expected))
                .body("history", hasSize(3));
        assertThat(db.requestEvents(ags)).isEqualTo(2);

        // One after the other: a change with the version read before a cancellation finds it cancelled (not stale).
        String ags2 = Api.activeTenant(TestAgs.fresh(), 1_000);
        String other = subscriptions.active(ags2, service);
        String read = etag(ags2, other);
        Api.asMunicipality(ags2).delete(path(ags2, other)).then().statusCode(202);
        change(ags2, path(ags2, other), read, body).statusCode(409)
                .body("detail", endsWith("only an ACTIVE or UNUSABLE subscription can be changed"));
    }

    private static ValidatableResponse change(String ags, String path, String etag,
            Map<String, Object> body) {
        return Api.asMunicipality(ags).header("If-Match", etag).body(body).patch(path).then();
    }

    private static List<Integer> concurrently(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> one = pool.submit(() -> {
                start.await();
                return first.call();
            });
            Future<Integer> two = pool.submit(() -> {
                start.await();
                return second.call();
            });
            start.countDown();
            return List.of(one.get(), two.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A configuration other than the one {@link Subscriptions#active} is provisioned with. */
    private static Map<String, Object> otherPostfach() {
        Map<String, Object> parameters = new HashMap<>(CatalogTopic.VALID_PARAMETERS);
        parameters.put("postfach", "buergerbuero@gemeinde.example");
        return parameters;
    }
}
