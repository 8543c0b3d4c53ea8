package de.efa.marketplace.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.efa.infra.test.TestTokens;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.JobRows;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.ResultSchemas;
import de.efa.marketplace.support.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static de.efa.marketplace.support.Brokers.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The operator API of provisioning (docs/services.md): who may call it, and what it shows and does. */
@QuarkusTest
class ProvisioningResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    private UUID serviceId;
    private UUID failedJob;
    private UUID succeededJob;

    /** The FAILED job is a deprovisioning, whose subscription waits for its retry (docs/state-machines.md). */
    @BeforeEach
    void seedTwoFinishedJobs() throws SQLException {
        serviceId = UUID.randomUUID();
        Instant now = Instant.now();
        succeededJob = insertJob("PROVISION", "14713000", "SUCCEEDED", null, now.minusSeconds(60),
                now.minusSeconds(58));
        failedJob = insertJob("DEPROVISION", "05315000", "FAILED", "the broker refused the request with 409",
                now.minusSeconds(30), now.minusSeconds(29));
    }

    @Test
    void everyEndpointRefusesAnonymousCallersWith401() {
        for (Function<RequestSpecification, Response> call : calls()) {
            call.apply(given()).then().statusCode(401).contentType(PROBLEM)
                    .body("type", equalTo("https://efa-marketplace.de/problems/unauthorized"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void everyEndpointRefusesMunicipalitiesProvidersAndTokensWithoutRoleWith403() {
        for (String token : List.of(TestTokens.municipality("14713000"), TestTokens.provider("akdb"),
                TestTokens.withoutRole(), TestTokens.marketplace())) {
            for (Function<RequestSpecification, Response> call : calls()) {
                call.apply(given().auth().oauth2(token)).then().statusCode(403).contentType(PROBLEM)
                        .body("type", equalTo("https://efa-marketplace.de/problems/forbidden"));
            }
        }
        assertThat(OperatorApi.job(failedJob.toString()).getString("status")).isEqualTo("FAILED");
    }

    @Test
    void listsJobsNewestFirstWithFiltersAndPaging() {
        operator().queryParam("serviceId", serviceId.toString()).get("/api/v1/provisioning/jobs")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.id", contains(failedJob.toString(), succeededJob.toString()))
                .body("items[0].attempts", nullValue());
        operator().queryParam("serviceId", serviceId.toString()).queryParam("status", "FAILED")
                .get("/api/v1/provisioning/jobs")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(failedJob.toString()))
                .body("items[0].failureReason", equalTo("the broker refused the request with 409"));
        operator().queryParam("serviceId", serviceId.toString()).queryParam("ags", "14713000")
                .get("/api/v1/provisioning/jobs")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(succeededJob.toString()));
        String subscription = OperatorApi.job(failedJob.toString()).getString("subscriptionId");
        operator().queryParam("subscriptionId", subscription).get("/api/v1/provisioning/jobs")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(failedJob.toString()));
        operator().queryParam("serviceId", serviceId.toString()).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/provisioning/jobs")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id",
                        contains(succeededJob.toString()));
    }

    @Test
    void invalidQueryParametersAreNamedInOneProblem() {
        operator().queryParam("status", "DONE").queryParam("ags", "123").queryParam("serviceId", "x")
                .queryParam("subscriptionId", "y").queryParam("page", "-1").queryParam("size", "abc")
                .get("/api/v1/provisioning/jobs")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("status", "ags", "serviceId", "subscriptionId", "page",
                        "size"));
        operator().queryParam("page", Integer.MAX_VALUE).get("/api/v1/provisioning/jobs")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("page"));
        operator().queryParam("size", 101).get("/api/v1/provisioning/dead-letters")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
        operator().get("/api/v1/provisioning/jobs/{id}", "not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("id"));
        operator().get("/api/v1/provisioning/jobs/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aUriOf10000CharactersIsA414Problem() {
        operator().get("/api/v1/provisioning/jobs?ags=" + "1".repeat(10_000))
                .then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://efa-marketplace.de/problems/uri-too-long"))
                .body("status", equalTo(414));
    }

    @Test
    void retryRefusesAJobThatIsNotFailedAndChangesNothing() {
        operator().post("/api/v1/provisioning/jobs/{id}/retry", succeededJob)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("Only a FAILED job can be retried; this one is SUCCEEDED"));
        assertThat(OperatorApi.job(succeededJob.toString()).getString("status")).isEqualTo("SUCCEEDED");
        operator().post("/api/v1/provisioning/jobs/{id}/retry", UUID.randomUUID()).then().statusCode(404);
    }

    /** A newer request of the subscription superseded the FAILED job: running it again would undo that one. */
    @Test
    void retryRefusesAJobThatANewerJobOfItsSubscriptionSupersededAndChangesNothing() throws SQLException {
        UUID subscription = UUID.fromString(OperatorApi.job(failedJob.toString()).getString("subscriptionId"));
        Instant now = Instant.now();
        UUID newer = insertJob(subscription, "DEPROVISION", "05315000", "SUCCEEDED", null, now.minusSeconds(20),
                now.minusSeconds(19));

        operator().post("/api/v1/provisioning/jobs/{id}/retry", failedJob)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://efa-marketplace.de/problems/conflict"))
                .body("detail", equalTo("Job " + failedJob + " has been superseded by the newer job " + newer
                        + " of the same subscription; only the newest job of a subscription can be retried"));
        JsonPath job = OperatorApi.job(failedJob.toString());
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("failureReason")).isEqualTo("the broker refused the request with 409");
    }

    /** The retry reopens the same job, so its results carry the same jobId. */
    @Test
    void aRetriedJobRunsAgainToSuccess() {
        Brokers broker = Brokers.fresh(wireMock);
        Topics topics = new Topics(kafka);
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        UUID instance = UUID.fromString(OperatorApi.job(failedJob.toString()).getString("instanceId"));
        broker.stub(broker.deprovision(instance).willReturn(json(200, "{}")));

        operator().post("/api/v1/provisioning/jobs/{id}/retry", failedJob)
                .then().statusCode(200).body("status", equalTo("PENDING")).body("failureReason",
                        nullValue());

        // Retried, it is the newest request of its service.
        JsonPath retried = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(retried.getString("id")).isEqualTo(failedJob.toString());
        assertThat(retried.getList("attempts.status", Integer.class)).containsExactly(200);
        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, instance.toString(), 2);
        assertThat(results).extracting(Topics::result).containsExactly(
                "de.efa.instance.provisioning-started.v1 " + failedJob + " DEPROVISION",
                "de.efa.instance.deprovisioned.v1 " + failedJob + " DEPROVISION");
        results.forEach(ResultSchemas::assertValid);
    }

    /**
     * tenant-service settled the subscription by the failure (FAILED, or the plan before the change) and would drop
     * what a retry brings about at the broker as stale; the repair is a new request there.
     */
    @Test
    void retryRefusesAFailedChangeNamingTheRepairAndChangesNothing() throws SQLException {
        Instant now = Instant.now();
        UUID update = insertJob("UPDATE", "14713000", "FAILED", "the broker refused the request with 422",
                now.minusSeconds(10), now.minusSeconds(9));
        String updated = OperatorApi.job(update.toString()).getString("subscriptionId");

        operator().post("/api/v1/provisioning/jobs/{id}/retry", update)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://efa-marketplace.de/problems/conflict"))
                .body("detail", equalTo("Job " + update + " failed to change subscription " + updated
                        + ", whose change tenant-service has dropped, keeping the plan and configuration in effect: "
                        + "it would ignore the result of a retry. Request the change again at tenant-service instead "
                        + "(PATCH /api/v1/tenants/14713000/subscriptions/" + updated + "), which makes a new job"));

        JsonPath job = OperatorApi.job(update.toString());
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("failureReason")).isEqualTo("the broker refused the request with 422");
        assertThat(job.getList("attempts")).isEmpty();
        OperatorApi.audit("job:" + update).body("total", equalTo(0));
    }

    /**
     * Leipzig subscribed again after its provisioning failed, and the newer subscription is live: a retry of the old
     * job would have the broker make a second instance of the service for it (one live subscription per service,
     * docs/state-machines.md).
     */
    @Test
    void retryRefusesAProvisioningWhoseMunicipalitySubscribedToTheServiceAgainAndChangesNothing()
            throws SQLException {
        Brokers broker = Brokers.fresh(wireMock);
        new Topics(kafka).catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        Instant now = Instant.now();
        UUID failed = UUID.randomUUID();
        UUID failedProvisioning = insertJob(failed, "PROVISION", "14713000", "FAILED",
                "the broker refused the request with 500", now.minusSeconds(20), now.minusSeconds(19));
        broker.stub(broker.provision(failed).willReturn(json(201, "{}")));
        UUID live = UUID.randomUUID();
        UUID liveProvisioning = insertJob(live, "PROVISION", "14713000", "SUCCEEDED", null, now.minusSeconds(10),
                now.minusSeconds(9));

        retryRefused(failedProvisioning).body("detail", equalTo(subscribedAgain(failedProvisioning, liveProvisioning,
                "PROVISION, SUCCEEDED", live)));

        JsonPath job = OperatorApi.job(failedProvisioning.toString());
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("failureReason")).isEqualTo("the broker refused the request with 500");
        assertThat(job.getList("attempts")).isEmpty();
        OperatorApi.audit("job:" + failedProvisioning).body("total", equalTo(0));
        assertThat(broker.calls(failed)).isEmpty();
    }

    /**
     * A newer subscription that failed itself still counts: it can be retried, being the newest, and the old one next
     * to it would make two. Jobs of another municipality or of another service do not count.
     */
    @Test
    void aNewerSubscriptionThatFailedTooKeepsTheOlderProvisioningRefusedAndIsTheOneRetried() throws SQLException {
        Brokers broker = Brokers.fresh(wireMock);
        new Topics(kafka).catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        Instant now = Instant.now();
        UUID failedProvisioning = insertJob(UUID.randomUUID(), "PROVISION", "14713000", "FAILED",
                "the broker refused the request with 500", now.minusSeconds(20), now.minusSeconds(19));
        UUID newer = UUID.randomUUID();
        UUID newerProvisioning = insertJob(newer, "PROVISION", "14713000", "FAILED",
                "the broker refused the request with 503", now.minusSeconds(10), now.minusSeconds(9));
        insertJob(UUID.randomUUID(), "PROVISION", "05315000", "SUCCEEDED", null, now.minusSeconds(8),
                now.minusSeconds(7));
        new JobRows(dataSource).insert(UUID.randomUUID(), UUID.randomUUID(), broker.url(), "PROVISION", "SUCCEEDED",
                "standard");
        broker.stub(broker.provision(newer).willReturn(json(201, "{}")));

        retryRefused(failedProvisioning).body("detail", equalTo(subscribedAgain(failedProvisioning, newerProvisioning,
                "PROVISION, FAILED", newer)));
        assertThat(OperatorApi.job(failedProvisioning.toString()).getString("status")).isEqualTo("FAILED");

        operator().post("/api/v1/provisioning/jobs/{id}/retry", newerProvisioning)
                .then().statusCode(200).body("status", equalTo("PENDING"));
        OperatorApi.awaitJobById(newerProvisioning.toString(), "SUCCEEDED");
        assertThat(OperatorApi.job(failedProvisioning.toString()).getString("status")).isEqualTo("FAILED");
    }

    /** A newer subscription that was cancelled since is the municipality's later word: it ended the service. */
    @Test
    void aNewerSubscriptionThatWasCancelledKeepsTheOlderProvisioningRefused() throws SQLException {
        Instant now = Instant.now();
        UUID failedProvisioning = insertJob(UUID.randomUUID(), "PROVISION", "14713000", "FAILED",
                "the broker refused the request with 500", now.minusSeconds(30), now.minusSeconds(29));
        UUID cancelled = UUID.randomUUID();
        insertJob(cancelled, "PROVISION", "14713000", "SUCCEEDED", null, now.minusSeconds(20), now.minusSeconds(19));
        UUID deprovisioning = insertJob(cancelled, "DEPROVISION", "14713000", "SUCCEEDED", null,
                now.minusSeconds(10), now.minusSeconds(9));

        retryRefused(failedProvisioning).body("detail", equalTo(subscribedAgain(failedProvisioning, deprovisioning,
                "DEPROVISION, SUCCEEDED", cancelled)));

        assertThat(OperatorApi.job(failedProvisioning.toString()).getString("status")).isEqualTo("FAILED");
        OperatorApi.audit("job:" + failedProvisioning).body("total", equalTo(0));
    }

    private static ValidatableResponse retryRefused(UUID job) {
        return operator().post("/api/v1/provisioning/jobs/{id}/retry", job)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://efa-marketplace.de/problems/conflict"));
    }

    private String subscribedAgain(UUID job, UUID newerJob, String newerJobState, UUID newerSubscription) {
        return "Job " + job + " cannot be retried: municipality 14713000 has subscribed to service " + serviceId
                + " again since, and job " + newerJob + " (" + newerJobState + ") of its newer subscription "
                + newerSubscription + " was received after this one. A retry would provision a second instance of "
                + "the service for the municipality, whatever became of that subscription; it has at most one live "
                + "subscription per service. Repair subscription " + newerSubscription + " instead, or request the "
                + "service anew at tenant-service, which makes a new job";
    }

    @Test
    void statsCountByStatusAndMeasureRequestToResult() {
        JsonPath stats = operator().get("/api/v1/provisioning/stats").then().statusCode(200)
                .body("counts", hasKey("PENDING")).body("counts", hasKey("IN_PROGRESS"))
                .body("counts.SUCCEEDED", greaterThanOrEqualTo(1)).body("counts.FAILED", greaterThanOrEqualTo(1))
                .body("total", greaterThanOrEqualTo(2))
                .body("durationMs.p50", notNullValue()).body("durationMs.p95", notNullValue())
                .body("durationMs.max", greaterThanOrEqualTo(2000))
                .body("timeToActiveMs.p50", notNullValue())
                .body("throughput.finishedLastMinute", greaterThanOrEqualTo(2))
                .body("throughput.overallPerSecond", notNullValue())
                .extract().jsonPath();
        // A FAILED job has a result, but no time to ACTIVE.
        assertThat(stats.getLong("timeToActiveMs.finished")).isPositive()
                .isLessThan(stats.getLong("durationMs.finished"));
    }

    @Test
    void statsCountTheJobsFinishedInEachMinuteOfTheLastHour() {
        JsonPath stats = operator().get("/api/v1/provisioning/stats").then().statusCode(200).extract().jsonPath();

        List<Integer> perMinute = stats.getList("perMinute.finished", Integer.class);
        assertThat(perMinute).hasSize(60);
        // The last 60 seconds reach into the minute before the current one.
        assertThat(perMinute.get(58) + perMinute.get(59)).isGreaterThanOrEqualTo(stats.getInt("throughput.finishedLastMinute"));
        List<Instant> minutes = stats.getList("perMinute.minute", String.class).stream().map(Instant::parse).toList();
        assertThat(minutes).isSorted();
        assertThat(Duration.between(minutes.get(0), minutes.get(59))).isEqualTo(Duration.ofMinutes(59));
    }

    @Test
    void metricsShowJobsByStatusDurationsAndBrokerCalls() {
        Brokers broker = Brokers.fresh(wireMock);
        UUID ownService = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        Topics topics = new Topics(kafka);
        topics.catalogServiceKnown(catalog, ownService, broker.url(), "standard");
        broker.stub(broker.provision(subscription).willReturn(json(201, "{}")));
        topics.request(Topics.REQUESTED, subscription, ownService, "standard");
        OperatorApi.awaitJob(ownService, "SUCCEEDED");

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("efa_provisioning_jobs{status=\"SUCCEEDED\"}"))
                .body(containsString("efa_provisioning_jobs{status=\"FAILED\"}"))
                .body(containsString("efa_provisioning_duration_seconds_bucket"))
                .body(containsString("efa_broker_calls_total{action=\"PROVISION\",outcome=\"2xx\"}"));
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.operator()).when();
    }

    private List<Function<RequestSpecification, Response>> calls() {
        return List.of(
                r -> r.get("/api/v1/provisioning/jobs"),
                r -> r.get("/api/v1/provisioning/jobs/{id}", failedJob),
                r -> r.post("/api/v1/provisioning/jobs/{id}/retry", failedJob),
                r -> r.get("/api/v1/provisioning/stats"),
                r -> r.get("/api/v1/provisioning/dead-letters"));
    }

    private UUID insertJob(String operation, String ags, String status, String reason, Instant requestedAt,
                           Instant finishedAt) throws SQLException {
        return insertJob(UUID.randomUUID(), operation, ags, status, reason, requestedAt, finishedAt);
    }

    private UUID insertJob(UUID subscription, String operation, String ags, String status, String reason,
                           Instant requestedAt, Instant finishedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO provisioning_job (id, subscription_id, operation, ags, tenant_name, land, service_id,
                         plan_id, parameters, instance_id, status, step, failure_reason, next_attempt_at, requested_at,
                         received_at, finished_at)
                     VALUES (?, ?, ?, ?, 'Gemeinde', ?, ?, 'standard', '{}', ?, ?, 'SEND', ?, now(), ?, ?, ?)
                     """)) {
            insert.setObject(1, id);
            insert.setObject(2, subscription);
            insert.setString(3, operation);
            insert.setString(4, ags);
            insert.setString(5, ags.substring(0, 2));
            insert.setObject(6, serviceId);
            insert.setObject(7, subscription);
            insert.setString(8, status);
            insert.setString(9, reason);
            insert.setTimestamp(10, Timestamp.from(requestedAt));
            insert.setTimestamp(11, Timestamp.from(requestedAt));
            insert.setTimestamp(12, Timestamp.from(finishedAt));
            insert.executeUpdate();
        }
        return id;
    }
}
