package de.efa.marketplace.messaging;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.efa.infra.test.TestTokens;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.ResultSchemas;
import de.efa.marketplace.support.Topics;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static de.efa.marketplace.support.Brokers.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the consumer of {@code efa.onboarding.requests.v1} does with repeated, late, unknown and unreadable records. */
@QuarkusTest
class RequestIntakeTest {

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    private Topics topics;
    private Brokers broker;

    @BeforeEach
    void setUp() {
        topics = new Topics(kafka);
        broker = Brokers.fresh(wireMock);
    }

    @Test
    void aRedeliveredRequestMakesNoSecondJob() throws Exception {
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.stub(broker.provision(subscription).willReturn(json(201, "{}")));

        String eventId = UUID.randomUUID().toString();
        topics.request(Topics.REQUESTED, eventId, subscription, serviceId, "standard");
        topics.request(Topics.REQUESTED, eventId, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getString("id")).isEqualTo(eventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(eventId) == 1);
        assertThat(topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2))
                .extracting(r -> Topics.field(r, "jobId")).containsOnly(eventId);

        // Delivered again after the inbox has forgotten its id (processed ids are purged after 7 days): the job,
        // whose id is the event's, is found, and nothing changes.
        forget(eventId);
        topics.request(Topics.REQUESTED, eventId, subscription, serviceId, "standard");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(eventId) == 1);

        assertThat(jobRows(subscription)).isEqualTo(1);
        assertThat(OperatorApi.job(eventId).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(broker.requests("PUT", subscription)).hasSize(1);
        assertThat(OperatorApi.jobsOf(serviceId).getInt("total")).isEqualTo(1);
        assertThat(topics.recordsNow(Topics.RESULTS, subscription.toString())).hasSize(2);
    }

    @Test
    void aGarbageRecordGoesToTheDeadLetterQueueAndTheNextRecordIsProcessed() throws Exception {
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.stub(broker.provision(subscription).willReturn(json(201, "{}")));
        String garbageKey = "garbage-" + UUID.randomUUID();
        RecordHeaders headers = Topics.cloudEvent("/efa/tenant-service", Topics.REQUESTED, UUID.randomUUID().toString());

        topics.send(Topics.REQUESTS, garbageKey, "this is { not json", headers);
        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        ConsumerRecord<String, String> dead = topics.awaitRecords(Topics.DLQ, garbageKey, 1).get(0);
        assertThat(dead.value()).isEqualTo("this is { not json");
        assertThat(Topics.header(dead, "ce_type")).isEqualTo(Topics.REQUESTED);
        assertThat(Topics.header(dead, "ce_id")).isEqualTo(new String(headers.lastHeader("ce_id").value()));
        assertThat(Topics.header(dead, "dlq_reason")).isEqualTo("the value is not JSON");

        JsonPath letters = given().auth().oauth2(TestTokens.operator()).queryParam("size", 100)
                .when().get("/api/v1/provisioning/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        List<String> keys = letters.getList("items.key");
        int index = keys.indexOf(garbageKey);
        assertThat(index).isNotNegative();
        assertThat(letters.getString("items[" + index + "].topic")).isEqualTo(Topics.REQUESTS);
        assertThat(letters.getString("items[" + index + "].reason")).isEqualTo("the value is not JSON");
        assertThat(letters.getString("items[" + index + "].value")).isEqualTo("this is { not json");
        assertThat(letters.getList("items[" + index + "].headers.name")).contains("ce_type", "ce_id");
    }

    @Test
    void unreadableRequestsNameEveryReason() {
        String badFields = "bad-fields-" + UUID.randomUUID();
        topics.send(Topics.REQUESTS, badFields, "{\"subscriptionId\":\"nope\",\"operation\":\"DEPROVISION\","
                        + "\"ags\":\"1471300\",\"land\":\"14\",\"serviceId\":\"" + UUID.randomUUID() + "\",\"planId\":\"s\","
                        + "\"requestedAt\":\"yesterday\"}",
                Topics.cloudEvent("/efa/tenant-service", Topics.REQUESTED, UUID.randomUUID().toString()));

        assertThat(Topics.header(topics.awaitRecords(Topics.DLQ, badFields, 1).get(0), "dlq_reason"))
                .contains("'subscriptionId' is invalid")
                .contains("'ags' is invalid: must be 8 digits")
                .contains("'tenantName' is missing")
                .contains("'requestedAt' is invalid")
                .contains("operation DEPROVISION does not belong to de.efa.subscription.requested.v1");
    }

    /** Producers are upgraded first: a type this service does not know yet is no dead letter. */
    @Test
    void aRequestOfAnUnknownTypeIsSkippedAndCountedNeverDeadLettered() throws SQLException {
        String unknownType = "de.efa.subscription.exploded.v1";
        String unknownKey = "unknown-" + UUID.randomUUID();
        UUID serviceId = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        double skippedBefore = skipped(unknownType);

        topics.send(Topics.REQUESTS, 0, unknownKey, "{}",
                Topics.cloudEvent("/efa/tenant-service", unknownType, UUID.randomUUID().toString()));
        topics.send(Topics.REQUESTS, 0, next.toString(),
                Topics.requestValue(Topics.REQUESTED, next, serviceId, "standard", "Leipzig, Stadt"),
                Topics.cloudEvent("/efa/tenant-service", Topics.REQUESTED, UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> OperatorApi.jobsOf(serviceId).getInt("total") == 1);
        assertThat(skipped(unknownType)).isEqualTo(skippedBefore + 1);
        assertThat(parked(unknownKey)).isZero();
        assertThat(topics.recordsNow(Topics.DLQ, unknownKey)).isEmpty();
    }

    /**
     * Records the database refuses for good, or whose id cannot be recorded, are parked with their reason, go to the
     * DLQ topic and are listed as dead letters; the request after them on the partition still becomes a job.
     */
    @Test
    void poisonRequestsAreParkedAndTheRequestAfterThemBecomesAJob() {
        UUID serviceId = UUID.randomUUID();
        String nulKey = "nul-" + UUID.randomUUID();
        String longIdKey = "long-id-" + UUID.randomUUID();
        String longId = "x".repeat(3000);
        UUID next = UUID.randomUUID();

        // A NUL character is valid in JSON, and PostgreSQL refuses it in a text.
        topics.send(Topics.REQUESTS, 0, nulKey,
                Topics.requestValue(Topics.REQUESTED, UUID.randomUUID(), serviceId, "standard", "Leipzig\\u0000Stadt"),
                Topics.cloudEvent("/efa/tenant-service", Topics.REQUESTED, UUID.randomUUID().toString()));
        topics.send(Topics.REQUESTS, 0, longIdKey,
                Topics.requestValue(Topics.REQUESTED, UUID.randomUUID(), serviceId, "standard", "Leipzig, Stadt"),
                Topics.cloudEvent("/efa/tenant-service", Topics.REQUESTED, longId));
        topics.send(Topics.REQUESTS, 0, next.toString(),
                Topics.requestValue(Topics.REQUESTED, next, serviceId, "standard", "Leipzig, Stadt"),
                Topics.cloudEvent("/efa/tenant-service", Topics.REQUESTED, UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> OperatorApi.jobsOf(serviceId).getInt("total") == 1);
        assertThat(OperatorApi.jobsOf(serviceId).getString("items[0].subscriptionId")).isEqualTo(next.toString());

        ConsumerRecord<String, String> nul = topics.awaitRecords(Topics.DLQ, nulKey, 1).get(0);
        assertThat(Topics.header(nul, "dlq_reason")).contains("0x00");
        assertThat(nul.value()).contains("Leipzig\\u0000Stadt");
        ConsumerRecord<String, String> longIdRecord = topics.awaitRecords(Topics.DLQ, longIdKey, 1).get(0);
        assertThat(Topics.header(longIdRecord, "dlq_reason")).isEqualTo("ce_id is not a UUID (3000 characters)");
        assertThat(Topics.header(longIdRecord, "ce_id")).isEqualTo(longId);

        assertThat(OperatorApi.deadLetter(nulKey)).containsEntry("topic", Topics.REQUESTS)
                .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("0x00"));
        assertThat(OperatorApi.deadLetter(longIdKey)).containsEntry("topic", Topics.REQUESTS)
                .containsEntry("reason", "ce_id is not a UUID (3000 characters)");
    }

    /** An update must name the plan it changes from; each type has its own operation. */
    @Test
    void anUpdateWithoutItsPreviousPlanAndARequestOfAnotherOperationAreDeadLetters() {
        String noPreviousPlan = "no-previous-plan-" + UUID.randomUUID();
        String wrongOperation = "wrong-operation-" + UUID.randomUUID();
        UUID serviceId = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        topics.send(Topics.REQUESTS, 0, noPreviousPlan,
                Topics.requestValue(Topics.UPDATE_REQUESTED, UUID.randomUUID(), serviceId, "premium", "Leipzig, Stadt"),
                Topics.cloudEvent("/efa/tenant-service", Topics.UPDATE_REQUESTED, UUID.randomUUID().toString()));
        topics.send(Topics.REQUESTS, 0, wrongOperation,
                Topics.requestValue(Topics.SUSPEND_REQUESTED, UUID.randomUUID(), serviceId, "standard",
                        "Leipzig, Stadt"),
                Topics.cloudEvent("/efa/tenant-service", Topics.RESUME_REQUESTED, UUID.randomUUID().toString()));
        String suspend = topics.requestBy(null, Topics.SUSPEND_REQUESTED, next, serviceId, "standard", null);

        JsonPath job = OperatorApi.awaitJobById(suspend, "PENDING");
        assertThat(job.getString("operation")).isEqualTo("SUSPEND");
        assertThat(job.getString("subscriptionId")).isEqualTo(next.toString());
        assertThat(job.getString("previousPlanId")).isNull();
        assertThat(Topics.header(topics.awaitRecords(Topics.DLQ, noPreviousPlan, 1).get(0), "dlq_reason"))
                .isEqualTo("'previousPlanId' is missing");
        assertThat(Topics.header(topics.awaitRecords(Topics.DLQ, wrongOperation, 1).get(0), "dlq_reason"))
                .isEqualTo("operation SUSPEND does not belong to " + Topics.RESUME_REQUESTED);
    }

    @Test
    void aRecordWithoutValueIsADeadLetter() {
        String key = "no-value-" + UUID.randomUUID();

        topics.send(Topics.REQUESTS, key, null,
                Topics.cloudEvent("/efa/tenant-service", Topics.REQUESTED, UUID.randomUUID().toString()));

        assertThat(Topics.header(topics.awaitRecords(Topics.DLQ, key, 1).get(0), "dlq_reason"))
                .isEqualTo("the record has no value");
    }

    @Test
    void aRequestForAServiceNotYetInTheCatalogWaitsForIt() {
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        broker.stub(broker.provision(subscription).willReturn(json(201, "{}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "PENDING".equals(OperatorApi.jobsOf(serviceId).getString("items[0].status")));
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");

        OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(broker.requests("PUT", subscription)).hasSize(1);
    }

    @Test
    void aRequestForAServiceThatNeverAppearsFailsWithTheReason() throws Exception {
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "FAILED");
        assertThat(job.getString("failureReason"))
                .isEqualTo("the service " + serviceId + " is not in the catalog (waited 5 s for the catalog)");
        assertThat(job.getList("attempts")).isEmpty();
        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 1);
        assertThat(Topics.header(results.get(0), "ce_type")).isEqualTo("de.efa.instance.provisioning-failed.v1");
        results.forEach(ResultSchemas::assertValid);
    }

    /** A resubmission is a request event of its own: a new job, whose id is that event's ce_id. */
    @Test
    void aResubmissionAfterAFailedJobIsANewJobWhoseResultsCarryItsId() {
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.refuseProvisioningOnce(subscription);

        String requested = topics.request(Topics.REQUESTED, subscription, serviceId, "standard");
        OperatorApi.awaitJobById(requested, "FAILED");
        String resubmitted = topics.request(Topics.RESUBMITTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJobById(resubmitted, "SUCCEEDED");
        assertThat(job.getString("subscriptionId")).isEqualTo(subscription.toString());
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(201);
        JsonPath failed = OperatorApi.job(requested);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getList("attempts.status", Integer.class)).containsExactly(400);
        assertThat(OperatorApi.jobsOf(serviceId).getInt("total")).isEqualTo(2);

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 4);
        assertThat(results).extracting(Topics::result).containsExactly(
                "de.efa.instance.provisioning-started.v1 " + requested + " PROVISION",
                "de.efa.instance.provisioning-failed.v1 " + requested + " PROVISION",
                "de.efa.instance.provisioning-started.v1 " + resubmitted + " PROVISION",
                "de.efa.instance.provisioned.v1 " + resubmitted + " PROVISION");
        results.forEach(ResultSchemas::assertValid);
    }

    private int processed(String eventId) throws SQLException {
        return count("SELECT count(*) FROM processed_event WHERE ce_id = ?::uuid", eventId);
    }

    private void forget(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM processed_event WHERE ce_id = ?::uuid")) {
            delete.setString(1, eventId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    private int parked(String key) throws SQLException {
        return count("SELECT count(*) FROM parked_record WHERE record_key = ?", key);
    }

    private double skipped(String type) {
        Counter counter = meters.find("efa.events.skipped").tag("consumer", "requests").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private int jobRows(UUID subscription) throws SQLException {
        return count("SELECT count(*) FROM provisioning_job WHERE subscription_id = ?", subscription);
    }

    private int count(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
