package de.efa.marketplace.provisioning;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.efa.infra.test.TestTokens;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.JobRows;
import de.efa.marketplace.support.OperatorApi;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.marketplace.support.Brokers.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * A reconciliation run against simulated brokers: what the marketplace believes of each live instance (from its
 * jobs) against what the broker answers, the brokers it may not ask, and no finding twice.
 */
@QuarkusTest
class ReconciliationTest {

    private static final String PROBLEM = "application/problem+json";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRunRecordsEachDifferenceOnceAndSkipsWhatItMayNotAsk() {
        JobRows jobs = new JobRows(dataSource);
        Brokers broker = Brokers.fresh(wireMock);
        Brokers unaskable = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        broker.catalog("{\"id\":\"" + serviceId + "\",\"name\":\"ours\",\"instances_retrievable\":true}");
        unaskable.catalog("{\"id\":\"" + serviceId + "\",\"name\":\"ours\"}");
        UUID agrees = live(jobs, broker, serviceId);
        UUID missing = live(jobs, broker, serviceId);
        UUID otherPlan = live(jobs, broker, serviceId);
        jobs.insert(otherPlan, serviceId, broker.url(), "UPDATE", "SUCCEEDED", "premium");
        UUID notLocked = live(jobs, broker, serviceId);
        jobs.insert(notLocked, serviceId, broker.url(), "SUSPEND", "SUCCEEDED", "standard");
        UUID updating = live(jobs, broker, serviceId);
        jobs.insert(updating, serviceId, broker.url(), "UPDATE", "PENDING", "premium");
        UUID cancelled = live(jobs, broker, serviceId);
        jobs.insert(cancelled, serviceId, broker.url(), "DEPROVISION", "SUCCEEDED", "standard");
        UUID elsewhere = live(jobs, unaskable, serviceId);
        String standard = "{\"service_id\":\"" + serviceId + "\",\"plan_id\":\"standard\"}";
        broker.stub(broker.fetch(agrees).willReturn(json(200, standard)));
        broker.stub(broker.fetch(missing).willReturn(json(404, "{}")));
        broker.stub(broker.fetch(otherPlan).willReturn(json(200, standard)));
        broker.stub(broker.fetch(notLocked).willReturn(json(200,
                "{\"plan_id\":\"standard\",\"suspended\":false}")));
        broker.stub(broker.fetch(updating).willReturn(json(422, "{\"error\":\"ConcurrencyError\"}")));

        JsonPath run = reconcile();

        assertThat(run.getString("status")).isEqualTo("FINISHED");
        assertThat(run.getInt("counts.findings")).isEqualTo(3);
        assertThat(run.getInt("counts.busy")).isGreaterThanOrEqualTo(1);
        assertThat(run.getList("skippedBrokers", Map.class)).contains(Map.of("brokerUrl", unaskable.url(),
                "reason", "its catalog does not say instances_retrievable", "instances", 1));
        assertThat(OperatorApi.findingsOf(agrees)).isEmpty();
        assertThat(OperatorApi.findingsOf(updating)).as("a 422 while updating is no finding").isEmpty();
        assertThat(OperatorApi.findingsOf(cancelled)).isEmpty();
        assertThat(broker.calls(cancelled)).as("an instance believed gone is not fetched").isEmpty();
        assertThat(unaskable.calls(elsewhere)).isEmpty();

        JsonPath gone = OperatorApi.findingOf(missing, "MISSING_AT_PROVIDER");
        assertThat(gone.getString("brokerUrl")).isEqualTo(broker.url());
        assertThat(gone.getInt("evidence.broker.status")).isEqualTo(404);
        assertThat(gone.getString("evidence.believed.planId")).isEqualTo("standard");
        assertThat(gone.getString("evidence.reconciliationId")).isEqualTo(run.getString("id"));
        assertThat(gone.getString("evidence.broker.requestIdentity"))
                .isEqualTo(broker.calls(missing).get(0).getHeader("X-Broker-API-Request-Identity"));
        OperatorApi.audit("reconciliation:" + run.getString("id"))
                .body("items.action", contains("reconciliation.start")).body("items.outcome", contains("RUNNING"))
                .body("items.actor", contains("operator")).body("items.actorRole", contains("operator"));
        OperatorApi.audit("finding:" + gone.getString("id"))
                .body("items.action", contains("finding.record")).body("items.actor", contains("marketplace-service"))
                .body("items[0].details.foundBy", equalTo("reconciliation:" + run.getString("id")));
        JsonPath plan = OperatorApi.findingOf(otherPlan, "PLAN_DIFFERS");
        assertThat(plan.getString("evidence.believed.planId")).isEqualTo("premium");
        assertThat(plan.getString("evidence.broker.answer.plan_id")).isEqualTo("standard");
        assertThat(plan.getInt("evidence.broker.status")).isEqualTo(200);
        JsonPath lock = OperatorApi.findingOf(notLocked, "SUSPENSION_NOT_CONFIRMED");
        assertThat(lock.getBoolean("evidence.believed.suspended")).isTrue();
        assertThat(lock.getBoolean("evidence.broker.answer.suspended")).isFalse();

        // The next run sees the same differences: their findings are open, so nothing is added.
        JsonPath again = reconcile();
        assertThat(again.getString("id")).isNotEqualTo(run.getString("id"));
        assertThat(again.getInt("counts.findings")).isZero();
        assertThat(again.getInt("counts.known")).isGreaterThanOrEqualTo(3);
        for (UUID subscription : List.of(missing, otherPlan, notLocked)) {
            assertThat(OperatorApi.findingsOf(subscription)).hasSize(1);
        }
        assertThat(broker.calls(missing)).hasSize(2);
    }

    @Test
    void onlyOperatorsMayStartAndReadRuns() {
        String id = UUID.randomUUID().toString();
        given().post("/api/v1/provisioning/reconciliations").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/provisioning/reconciliations/{id}", id).then().statusCode(401).contentType(PROBLEM);
        for (String token : List.of(TestTokens.municipality("14713000"), TestTokens.provider("akdb"),
                TestTokens.marketplace())) {
            given().auth().oauth2(token).post("/api/v1/provisioning/reconciliations")
                    .then().statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("https://efa-marketplace.de/problems/forbidden"));
            given().auth().oauth2(token).get("/api/v1/provisioning/reconciliations/{id}", id)
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/provisioning/reconciliations/{id}", id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/provisioning/reconciliations/{id}", "not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("id"));
    }

    /** A subscription provisioned with the plan standard at this broker. */
    private static UUID live(JobRows jobs, Brokers broker, UUID serviceId) {
        UUID subscription = UUID.randomUUID();
        jobs.insert(subscription, serviceId, broker.url(), "PROVISION", "SUCCEEDED", "standard");
        return subscription;
    }

    /** Starts a run as an operator and waits until it has finished; returns it. */
    private static JsonPath reconcile() {
        ExtractableResponse<Response> started = given().auth().oauth2(TestTokens.operator())
                .post("/api/v1/provisioning/reconciliations")
                .then().statusCode(202).body("status", equalTo("RUNNING")).extract();
        String location = started.header("Location");
        assertThat(location).endsWith("/api/v1/provisioning/reconciliations/" + started.path("id"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(given().auth().oauth2(TestTokens.operator()).get(location)
                        .then().statusCode(200).extract().path("status")));
        return given().auth().oauth2(TestTokens.operator()).get(location).then().statusCode(200).extract().jsonPath();
    }
}
