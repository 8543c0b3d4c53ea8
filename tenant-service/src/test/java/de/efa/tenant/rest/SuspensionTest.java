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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.tenant.support.OnboardingTopics.header;
import static de.efa.tenant.support.Subscriptions.WAIT;
import static de.efa.tenant.support.Subscriptions.awaitStatus;
import static de.efa.tenant.support.Subscriptions.etag;
import static de.efa.tenant.support.Subscriptions.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A tenant's suspension reaches its instances at the providers, and its reactivation brings them back. */
@QuarkusTest
class SuspensionTest {

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
    void suspendingLocksTheInstancesAsTheyAreSettledAndReactivatingUnlocksThem() throws Exception {
        String ags = Api.activeTenantWithInvoiceAddress(TestAgs.fresh(), 1_000);
        String municipality = TestTokens.municipality(ags);
        String active = subscriptions.active(ags, catalog.publishedService());
        String provisioning = Subscriptions.requested(ags, catalog.publishedService());
        String interest = Api.subscribe(municipality, ags, Map.of("serviceId",
                catalog.publishedService().toString(), "planId", "nachnutzung")).statusCode(201).extract().path("id");

        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));

        Api.asMunicipality(ags).get(path(ags, active)).then().body("status", equalTo("SUSPENDING"))
                .body("history[-1].detail", equalTo("Suspension requested: tenant suspended by operator operator"));
        Api.asMunicipality(ags).get(path(ags, provisioning)).then().body("status", equalTo("REQUESTED"));
        Api.asMunicipality(ags).get(path(ags, interest)).then().body("status", equalTo("INTEREST_DECLARED"));
        JsonNode suspendRequest = request(active, 2, 1, "de.efa.subscription.suspend-requested.v1");
        assertThat(suspendRequest.path("operation").asText()).isEqualTo("SUSPEND");
        assertThat(suspendRequest.path("planId").asText()).isEqualTo("standard");
        assertThat(suspendRequest.path("originatingUserId").asText()).isEqualTo("operator");

        // While suspended: no change, no new subscription, no conclusion; the provider may still answer interests.
        Api.asMunicipality(ags).header("If-Match", etag(ags, active)).body(Map.of("parameters", Map.of()))
                .patch(path(ags, active)).then().statusCode(409);
        Api.subscribe(municipality, ags, Map.of("serviceId", catalog.publishedService().toString(),
                "planId", "basic")).statusCode(409);
        Api.as(TestTokens.provider("akdb")).body(Map.of("conditions", Map.of("annualCents", 150_000,
                        "note", "Nachnutzung zum Pauschalpreis")))
                .post("/api/v1/provider/interests/" + interest + "/offer").then().statusCode(200);
        String conclude = path(ags, interest) + "/conclude";
        Map<String, Object> accepted = Map.of("acceptedTerms", Map.of("version", CatalogTopic.TERMS_VERSION));
        Api.as(municipality).body(accepted).post(conclude).then().statusCode(409)
                .body("type", equalTo("https://efa-marketplace.de/problems/conflict"))
                .body("detail", containsString("only an ACTIVE tenant can subscribe, conclude or change"));

        onboarding.publishResult("suspended", active, "SUSPEND", "the broker does not allow context updates",
                Map.of("confirmed", false));
        awaitStatus(ags, active, "SUSPENDED");
        Api.asMunicipality(ags).get(path(ags, active)).then().body("history[-1].detail", equalTo("Instance "
                + "suspended, but the provider did not confirm it: the broker does not allow context updates"));

        // Provisioned while the tenant is suspended: locked at once, and nobody in person asked for it.
        onboarding.publishResult("provisioned", provisioning, "PROVISION", null);
        awaitStatus(ags, provisioning, "SUSPENDING");
        Api.asMunicipality(ags).get(path(ags, provisioning)).then()
                .body("history.status", equalTo(List.of("REQUESTED", "ACTIVE", "SUSPENDING")));
        JsonNode automatic = request(provisioning, 2, 1, "de.efa.subscription.suspend-requested.v1");
        assertThat(automatic.path("originatingUserId").isNull()).isTrue();
        UUID suspendJob = db.latestRequest(provisioning);

        Api.asOperator().post("/api/v1/tenants/" + ags + "/reactivate").then().statusCode(200);

        for (String id : List.of(active, provisioning)) {
            Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo("RESUMING"))
                    .body("history[-1].detail", equalTo("Resumption requested: tenant reactivated by operator "
                            + "operator"));
            JsonNode resume = request(id, 3, 2, "de.efa.subscription.resume-requested.v1");
            assertThat(resume.path("operation").asText()).isEqualTo("RESUME");
            assertThat(resume.path("originatingUserId").asText()).isEqualTo("operator");
        }
        // The suspension that was still running finishes later: its result belongs to an older request.
        UUID late = onboarding.publishResult(suspendJob, "suspended", provisioning, "SUSPEND", null,
                Map.of("confirmed", true));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM processed_event WHERE ce_id = ?", late) == 1);
        Api.asMunicipality(ags).get(path(ags, provisioning)).then().body("status", equalTo("RESUMING"));

        onboarding.publishResult("provisioning-failed", provisioning, "RESUME", "broker unreachable", Map.of());
        await().atMost(WAIT).untilAsserted(() -> Api.asMunicipality(ags).get(path(ags, provisioning)).then()
                .body("status", equalTo("SUSPENDED"))
                .body("history[-1].detail", equalTo("Resumption failed, the instance stays suspended: broker "
                        + "unreachable")));
        for (String id : List.of(active, provisioning)) {
            onboarding.publishResult("resumed", id, "RESUME", null, Map.of("confirmed", true));
            awaitStatus(ags, id, "ACTIVE");
        }
        Api.asMunicipality(ags).get(path(ags, active)).then()
                .body("history[-1].detail", equalTo("Instance resumed at the provider"));

        Api.as(municipality).body(accepted).post(conclude).then().statusCode(202).body("status", equalTo("REQUESTED"));
    }

    @Test
    void aSuspendedSubscriptionCanBeCancelledAndStaysSoWhenTheTenantIsReactivated() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200);
        Api.asMunicipality(ags).delete(path(ags, id)).then().statusCode(409);
        onboarding.publishResult("suspended", id, "SUSPEND", null, Map.of("confirmed", true));
        awaitStatus(ags, id, "SUSPENDED");
        Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("history[-1].detail", equalTo("Instance suspended at the provider"));

        Api.asMunicipality(ags).delete(path(ags, id)).then().statusCode(202)
                .body("status", equalTo("CANCELLATION_REQUESTED"));
        JsonNode cancellation = request(id, 3, 2, "de.efa.subscription.cancellation-requested.v1");
        assertThat(cancellation.path("originatingUserId").asText()).isEqualTo("staff-" + ags);

        Api.asOperator().post("/api/v1/tenants/" + ags + "/reactivate").then().statusCode(200);
        Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo("CANCELLATION_REQUESTED"));
        assertThat(db.requestEvents(ags)).isEqualTo(3);
    }

    @Test
    void aSubscriptionWhoseResumptionFailedIsSuspendedAgainToBeResumedOnceMoreOrCancelled() throws Exception {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        suspendAndReactivate(ags, id);

        onboarding.publishResult("provisioning-failed", id, "RESUME", "broker answered 404: no such instance",
                Map.of());
        awaitStatus(ags, id, "SUSPENDED");
        Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("failureReason", equalTo("broker answered 404: no such instance"))
                .body("history[-1].detail", equalTo("Resumption failed, the instance stays suspended: broker "
                        + "answered 404: no such instance"));
        Api.asOperator().get("/api/v1/tenants/" + ags).then().body("status", equalTo("ACTIVE"));

        // The instance is still locked: suspending the tenant again asks nothing, reactivating it asks again.
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200);
        Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo("SUSPENDED"));
        Api.asOperator().post("/api/v1/tenants/" + ags + "/reactivate").then().statusCode(200);
        Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo("RESUMING"))
                .body("failureReason", nullValue());
        request(id, 4, 3, "de.efa.subscription.resume-requested.v1");
        onboarding.publishResult("provisioning-failed", id, "RESUME", "broker answered 404: no such instance",
                Map.of());
        awaitStatus(ags, id, "SUSPENDED");

        Api.asMunicipality(ags).delete(path(ags, id)).then().statusCode(202)
                .body("status", equalTo("CANCELLATION_REQUESTED"))
                .body("failureReason", nullValue());
        JsonNode cancellation = request(id, 5, 4, "de.efa.subscription.cancellation-requested.v1");
        assertThat(cancellation.path("originatingUserId").asText()).isEqualTo("staff-" + ags);
    }

    @Test
    void aResumptionThatFailedIsTakenUpByTheRetryOfItsJobAtTheMarketplace() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        suspendAndReactivate(ags, id);
        UUID resumeJob = db.latestRequest(id);
        onboarding.publishResult("provisioning-failed", id, "RESUME", "broker answered 404", Map.of());
        awaitStatus(ags, id, "SUSPENDED");

        onboarding.publishResult(resumeJob, "resumed", id, "RESUME", null, Map.of("confirmed", true));

        awaitStatus(ags, id, "ACTIVE");
        Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("failureReason", nullValue())
                .body("history.status", equalTo(List.of("REQUESTED", "ACTIVE", "SUSPENDING", "SUSPENDED", "RESUMING",
                        "SUSPENDED", "ACTIVE")))
                .body("history[-1].detail", equalTo("Instance resumed at the provider"));
        assertThat(db.requestEvents(ags)).isEqualTo(3);
    }

    @Test
    void aSuspensionTheProviderDidNotConfirmIsConfirmedOnceByTheRetryOfItsJobAndStaysSuspended() {
        String ags = Api.activeTenant(TestAgs.fresh(), 1_000);
        String id = subscriptions.active(ags, catalog.publishedService());
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200);
        UUID suspendJob = db.latestRequest(id);
        onboarding.publishResult("suspended", id, "SUSPEND", "broker answered 503", Map.of("confirmed", false));
        awaitStatus(ags, id, "SUSPENDED");

        onboarding.publishResult(suspendJob, "suspended", id, "SUSPEND", null, Map.of("confirmed", true));

        List<String> statuses = List.of("REQUESTED", "ACTIVE", "SUSPENDING", "SUSPENDED", "SUSPENDED");
        await().atMost(WAIT).untilAsserted(() -> Api.asMunicipality(ags).get(path(ags, id)).then()
                .body("status", equalTo("SUSPENDED"))
                .body("history.status", equalTo(statuses))
                .body("history[-2].detail", equalTo("Instance suspended, but the provider did not confirm it: "
                        + "broker answered 503"))
                .body("history[-1].detail", equalTo("Instance suspended at the provider: it has now confirmed "
                        + "the lock")));
        String appliedSuspensions = "SELECT count(*) FROM audit_entry WHERE target_type = 'subscription' "
                + "AND target_id = ? AND action = 'subscription.apply-result' AND outcome = 'SUSPENDED'";
        assertThat(db.count(appliedSuspensions, id)).isEqualTo(2);

        // A repeated confirmation, and a failure of the same job after it, change nothing.
        UUID repeated = onboarding.publishResult(suspendJob, "suspended", id, "SUSPEND", null,
                Map.of("confirmed", true));
        UUID failed = onboarding.publishResult(suspendJob, "suspended", id, "SUSPEND", "broker answered 503",
                Map.of("confirmed", false));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM processed_event WHERE ce_id IN (?, ?)",
                repeated, failed) == 2);
        Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo("SUSPENDED"))
                .body("history.status", equalTo(statuses));
        assertThat(db.count(appliedSuspensions, id)).isEqualTo(2);
        assertThat(db.requestEvents(ags)).isEqualTo(2);
    }

    /** Suspends the tenant, confirms the subscription's suspension and reactivates the tenant: it is RESUMING. */
    private void suspendAndReactivate(String ags, String id) {
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200);
        onboarding.publishResult("suspended", id, "SUSPEND", null, Map.of("confirmed", true));
        awaitStatus(ags, id, "SUSPENDED");
        Api.asOperator().post("/api/v1/tenants/" + ags + "/reactivate").then().statusCode(200);
        Api.asMunicipality(ags).get(path(ags, id)).then().body("status", equalTo("RESUMING"));
    }

    /** The request record at {@code index} of the subscription, once {@code count} are there: its type and schema. */
    private JsonNode request(String id, int count, int index, String type) throws Exception {
        ConsumerRecord<String, String> record = onboarding.requests(id, count, WAIT).get(index);
        assertThat(header(record, "ce_type")).isEqualTo(type);
        EventSchemas.assertSatisfied(record);
        return json.readTree(record.value());
    }
}
