package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
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
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.tenant.support.Subscriptions.WAIT;
import static de.efa.tenant.support.Subscriptions.awaitStatus;
import static de.efa.tenant.support.Subscriptions.etag;
import static de.efa.tenant.support.Subscriptions.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * POST /parked/outgoing/{id}/discard of a request event: the marketplace never gets it, so the subscription is settled
 * as by its job's failure, unless the request is no longer its latest.
 */
@QuarkusTest
class DiscardedRequestTest {

    private static final String REQUESTED = "de.efa.subscription.requested.v1";
    private static final String LAST_ERROR = "org.apache.kafka.common.errors.RecordTooLargeException: The message is "
            + "2000123 bytes\n\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1)";
    private static final String REASON = "Its request was never sent: an operator discarded it (after 5 refusals by "
            + "Kafka: org.apache.kafka.common.errors.RecordTooLargeException: The message is 2000123 bytes)";

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    Db db;
    CatalogTopic catalog;
    OnboardingTopics onboarding;
    Subscriptions subscriptions;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        catalog = new CatalogTopic(kafka, db);
        onboarding = new OnboardingTopics(kafka, db);
        subscriptions = new Subscriptions(onboarding);
    }

    @Test
    void aDiscardedSubscriptionRequestFailsTheSubscriptionWithTheReasonAndAnOperatorResubmitsIt() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = Subscriptions.requested(ags, catalog.publishedService());
        UUID request = park(db.latestRequest(id));

        discard(request).body("key", equalTo(id)).body("type", equalTo(REQUESTED));

        Api.asMunicipality(ags).get(path(ags, id)).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureReason", equalTo(REASON))
                .body("history.status", equalTo(List.of("REQUESTED", "FAILED")))
                .body("history[1].detail", equalTo(REASON));
        assertThat(applied(id)).containsExactly("operator FAILED PROVISION de.efa.instance.provisioning-failed.v1 "
                + REASON);

        Api.asOperator().post(path(ags, id) + "/resubmit").then().statusCode(202)
                .body("status", equalTo("REQUESTED"))
                .body("failureReason", nullValue());
        UUID resubmitted = db.latestRequest(id);
        assertThat(resubmitted).isNotEqualTo(request);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ? AND record_key = ? AND type = ?",
                resubmitted, id, "de.efa.subscription.resubmitted.v1")).isEqualTo(1);
    }

    @Test
    void aDiscardedRequestThatIsNoLongerTheLatestChangesNothingAndTheLatestOneSettles() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = Subscriptions.requested(ags, catalog.publishedService());
        UUID first = db.latestRequest(id);
        onboarding.publishResult("provisioning-failed", id, "PROVISION", "quota exceeded");
        awaitStatus(ags, id, "FAILED");
        Api.asOperator().post(path(ags, id) + "/resubmit").then().statusCode(202);
        UUID latest = db.latestRequest(id);
        park(first);
        park(latest);

        discard(first).body("type", equalTo(REQUESTED));

        Api.asOperator().get(path(ags, id)).then()
                .body("status", equalTo("REQUESTED"))
                .body("failureReason", nullValue())
                .body("history.status", equalTo(List.of("REQUESTED", "FAILED", "REQUESTED")));
        assertThat(applied(id)).hasSize(1);
        assertThat(db.latestRequest(id)).isEqualTo(latest);

        discard(latest).body("type", equalTo("de.efa.subscription.resubmitted.v1"));

        Api.asOperator().get(path(ags, id)).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", equalTo(REASON))
                .body("history.status", equalTo(List.of("REQUESTED", "FAILED", "REQUESTED", "FAILED")));
    }

    /** As after a failed deprovisioning, with no job to retry: the cancellation is asked for again, a new job. */
    @Test
    void aDiscardedCancellationLeavesTheSubscriptionDeprovisioningWithTheReasonAndItIsCancelledAgain() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscriptions.active(ags, catalog.publishedService());
        Api.asMunicipality(ags).delete(path(ags, id)).then().statusCode(202);
        UUID cancellation = park(db.latestRequest(id));

        discard(cancellation).body("type", equalTo("de.efa.subscription.cancellation-requested.v1"));

        Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("status", equalTo("DEPROVISIONING"))
                .body("failureReason", equalTo(REASON))
                .body("history.status", equalTo(List.of("REQUESTED", "ACTIVE", "CANCELLATION_REQUESTED",
                        "DEPROVISIONING")));
        assertThat(applied(id)).contains("operator DEPROVISIONING DEPROVISION "
                + "de.efa.instance.provisioning-failed.v1 " + REASON);

        Api.asMunicipality(ags).delete(path(ags, id)).then().statusCode(202)
                .body("status", equalTo("CANCELLATION_REQUESTED"))
                .body("failureReason", nullValue());
        assertThat(db.latestRequest(id)).isNotEqualTo(cancellation)
                .isEqualTo(db.outboxEvent(id, "de.efa.subscription.cancellation-requested.v1"));
    }

    @Test
    void aDiscardedUpdateLeavesTheSubscriptionActiveAsBeforeWithTheFailure() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscriptions.active(ags, catalog.publishedService());
        Map<String, Object> otherPostfach = new HashMap<>(CatalogTopic.VALID_PARAMETERS);
        otherPostfach.put("postfach", "buergerbuero@gemeinde.example");
        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of("parameters", otherPostfach))
                .patch(path(ags, id)).then().statusCode(202);

        discard(park(db.latestRequest(id))).body("type", equalTo("de.efa.subscription.update-requested.v1"));

        Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("status", equalTo("ACTIVE"))
                .body("parameters.postfach", equalTo("ordnungsamt@gemeinde.example"))
                .body("requestedUpdate", nullValue())
                .body("lastUpdateFailure.reason", equalTo(REASON))
                .body("history[-1].detail", equalTo("Update failed, plan standard and its configuration stay: "
                        + REASON));
    }

    /** The change never reached the provider: an unusable instance has not become usable by it. */
    @Test
    void aDiscardedUpdateLeavesAnUnusableSubscriptionUnusable() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscriptions.active(ags, catalog.publishedService());
        Api.asMunicipality(ags).header("If-Match", etag(ags, id))
                .body(Map.of("parameters", Map.of("zustaendigkeit", Map.of("behoerde", "Bürgerbüro"),
                        "postfach", "zentrale@gemeinde.example")))
                .patch(path(ags, id)).then().statusCode(202);
        onboarding.publishResult("update-failed", id, "UPDATE", "migration aborted", Map.of("instanceUsable", false));
        awaitStatus(ags, id, "UNUSABLE");
        Api.asMunicipality(ags).header("If-Match", etag(ags, id)).body(Map.of()).patch(path(ags, id)).then()
                .statusCode(202);

        discard(park(db.latestRequest(id))).body("type", equalTo("de.efa.subscription.update-requested.v1"));

        Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("status", equalTo("UNUSABLE"))
                .body("lastUpdateFailure.reason", equalTo(REASON))
                .body("history[-1].detail", equalTo("Update failed, the instance stays unusable: " + REASON));
    }

    /** As after a failed resumption: the instance is still locked, and the subscription can be cancelled. */
    @Test
    void aDiscardedResumptionLeavesTheSubscriptionSuspendedAndItCanBeCancelled() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscriptions.active(ags, catalog.publishedService());
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200);
        onboarding.publishResult("suspended", id, "SUSPEND", null, Map.of("confirmed", true));
        awaitStatus(ags, id, "SUSPENDED");
        Api.asOperator().post("/api/v1/tenants/" + ags + "/reactivate").then().statusCode(200);

        discard(park(db.latestRequest(id))).body("type", equalTo("de.efa.subscription.resume-requested.v1"));

        Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("status", equalTo("SUSPENDED"))
                .body("failureReason", equalTo(REASON));
        Api.asMunicipality(ags).delete(path(ags, id)).then().statusCode(202)
                .body("status", equalTo("CANCELLATION_REQUESTED"));
    }

    @Test
    void aDiscardedSuspensionCountsAsOneTheProviderDidNotConfirm() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        String id = subscriptions.active(ags, catalog.publishedService());
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200);

        discard(park(db.latestRequest(id))).body("type", equalTo("de.efa.subscription.suspend-requested.v1"));

        Api.asOperator().get(path(ags, id)).then()
                .body("status", equalTo("SUSPENDED"))
                .body("history[-1].detail", equalTo("Instance suspended, but the provider did not confirm it: "
                        + REASON));
    }

    @Test
    void aDiscardedRequestOfARolloutFailsItsItem() {
        String kreis = RolloutResourceTest.freshKreis();
        Api.activeTenant(kreis + "001", 1000);
        String rollout = RolloutResourceTest.start(TestTokens.operator(), RolloutResourceTest.rollout(
                catalog.publishedService(), "standard", Map.of("kreis", kreis))).statusCode(202).extract().path("id");
        RolloutResourceTest.handled(TestTokens.operator(), rollout);
        String id = RolloutResourceTest.items(TestTokens.operator(), rollout).getString("items[0].subscriptionId");

        discard(park(db.latestRequest(id)));

        JsonPath items = RolloutResourceTest.items(TestTokens.operator(), rollout);
        assertThat(items.getString("items[0].status")).isEqualTo("FAILED");
        assertThat(items.getString("items[0].reason")).isEqualTo(REASON);
    }

    @Test
    void aDiscardedStepOfTheReuseProcessSettlesNothing() {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 10_000);
        String id = Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId",
                catalog.publishedService().toString(), "planId", "nachnutzung")).statusCode(201).extract().path("id");

        discard(park(db.outboxEvent(id, "de.efa.subscription.interest-declared.v1")));

        Api.asOperator().get(path(ags, id)).then()
                .body("status", equalTo("INTEREST_DECLARED"))
                .body("history.status", equalTo(List.of("INTEREST_DECLARED")));
        assertThat(applied(id)).isEmpty();
    }

    /**
     * Makes a sent event what the relay leaves of one Kafka refused 5 times (which the tests cannot make it do on
     * demand): unsent, parked with its last error. Waits for the send first, so that the relay is done with it.
     */
    private UUID park(UUID event) {
        await().atMost(WAIT).until(() -> db.count(
                "SELECT count(*) FROM outbox_event WHERE id = ? AND sent_at IS NOT NULL", event) == 1);
        db.execute("UPDATE outbox_event SET sent_at = NULL, parked_at = now(), attempts = 5, last_error = ? "
                + "WHERE id = ?", LAST_ERROR, event);
        return event;
    }

    private static ValidatableResponse discard(UUID event) {
        return Api.asOperator().post("/api/v1/parked/outgoing/{id}/discard", event).then().statusCode(200)
                .body("id", equalTo(event.toString()));
    }

    /** The subscription's apply-result audit entries, newest first: actor, outcome, operation, event and reason. */
    private static List<String> applied(String id) {
        List<Map<String, Object>> entries = Api.asOperator().queryParam("target", "subscription:" + id)
                .queryParam("size", 100).get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.action == 'subscription.apply-result' }");
        return entries.stream().map(entry -> {
            Map<?, ?> details = (Map<?, ?>) entry.get("details");
            return entry.get("actor") + " " + entry.get("outcome") + " " + details.get("operation") + " "
                    + details.get("event") + " " + details.get("reason");
        }).toList();
    }
}
