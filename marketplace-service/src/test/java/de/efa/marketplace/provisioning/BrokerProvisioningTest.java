package de.efa.marketplace.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.efa.infra.test.TestTokens;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.ResultSchemas;
import de.efa.marketplace.support.Topics;
import de.efa.marketplace.support.WireMockBrokers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static de.efa.marketplace.support.Brokers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OSB conversation against simulated brokers: each check of issue 5 that WireMock can prove, and that the jobs of
 * a subscription reach the broker one after another.
 */
@QuarkusTest
class BrokerProvisioningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    private Topics topics;
    private Brokers broker;
    private UUID serviceId;
    private UUID subscription;

    @BeforeEach
    void newBrokerAndService() {
        topics = new Topics(kafka);
        broker = Brokers.fresh(wireMock);
        serviceId = UUID.randomUUID();
        subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
    }

    @Test
    void serverErrorThenCreatedSucceedsAfterOrphanMitigationAndRetry() throws Exception {
        broker.stub(broker.provision(subscription).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(500, "{\"description\":\"database down\"}")).willSetStateTo("recovered"));
        broker.stub(broker.provision(subscription).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(201, "{\"dashboard_url\":\"https://broker.example/dashboard/1\"}")));
        broker.stub(broker.deprovision(subscription).willReturn(json(410, "{}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getList("attempts.action")).containsExactly("PROVISION", "ORPHAN_MITIGATION", "PROVISION");
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(500, 410, 201);
        assertThat(job.getString("instanceId")).isEqualTo(subscription.toString());
        assertThat(job.getString("dashboardUrl")).isEqualTo("https://broker.example/dashboard/1");
        assertThat(OperatorApi.jobsOf(serviceId).getInt("total")).isEqualTo(1);

        LoggedRequest put = broker.requests("PUT", subscription).get(0);
        assertThat(put.getUrl()).endsWith("?accepts_incomplete=true");
        assertThat(put.getHeader("X-Broker-API-Version")).isEqualTo("2.17");
        assertThat(put.getHeader("Authorization")).isEqualTo("Bearer " + Brokers.TOKEN);
        assertThat(put.containsHeader("X-Broker-API-Originating-Identity")).as("nobody is named").isFalse();
        // Each attempt keeps the request identity it was sent with, a new one per call.
        assertThat(broker.calls(subscription)).extracting(call -> call.getHeader("X-Broker-API-Request-Identity"))
                .containsExactlyElementsOf(job.getList("attempts.requestIdentity", String.class))
                .doesNotHaveDuplicates().allSatisfy(identity -> assertThat(UUID.fromString(identity)).isNotNull());
        JsonNode body = JSON.readTree(put.getBodyAsString());
        assertThat(body.path("service_id").asText()).isEqualTo(serviceId.toString());
        assertThat(body.path("plan_id").asText()).isEqualTo("standard");
        assertThat(body.path("context").path("platform").asText()).isEqualTo("efa-marketplace");
        assertThat(body.path("context").path("ags").asText()).isEqualTo("14713000");
        assertThat(body.path("context").path("tenant_name").asText()).isEqualTo("Leipzig, Stadt");
        assertThat(body.path("context").path("land").asText()).isEqualTo("14");
        assertThat(body.path("parameters").path("zustaendigkeit").asText()).isEqualTo("Bürgeramt");

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2);
        assertThat(results).extracting(r -> Topics.header(r, "ce_type"))
                .containsExactly("de.efa.instance.provisioning-started.v1", "de.efa.instance.provisioned.v1");
        results.forEach(ResultSchemas::assertValid);
        JsonNode provisioned = JSON.readTree(results.get(1).value());
        assertThat(provisioned.path("dashboardUrl").asText()).isEqualTo("https://broker.example/dashboard/1");
        assertThat(provisioned.path("jobId").asText()).isEqualTo(job.getString("id"));
    }

    /**
     * OSB's orphan mitigation table: a broker that answers 408 may have gone on creating the instance after it gave up
     * waiting, so the instance is deleted before the PUT is sent again, as after a 5xx.
     */
    @Test
    void requestTimeoutOfTheProvisioningIsFollowedByOrphanMitigationBeforeTheRetry() throws Exception {
        broker.answerOnceThen(broker::provision, subscription, json(408, "{\"description\":\"request timed out\"}"),
                json(201, "{}"));
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getList("attempts.action")).containsExactly("PROVISION", "ORPHAN_MITIGATION", "PROVISION");
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(408, 200, 201);
        assertThat(job.getString("step")).isEqualTo("SEND");
        assertThat(job.getString("failureReason")).isNull();
        assertThat(broker.calls(subscription)).extracting(call -> call.getMethod().getName())
                .containsExactly("PUT", "DELETE", "PUT");
        LoggedRequest delete = broker.requests("DELETE", subscription).get(0);
        assertThat(delete.queryParameter("service_id").firstValue()).isEqualTo(serviceId.toString());
        assertThat(delete.queryParameter("plan_id").firstValue()).isEqualTo("standard");

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2);
        assertThat(results).extracting(r -> Topics.header(r, "ce_type"))
                .containsExactly("de.efa.instance.provisioning-started.v1", "de.efa.instance.provisioned.v1");
        results.forEach(ResultSchemas::assertValid);
    }

    /**
     * Each provider's broker gets a token asked for it alone (scope {@code broker-{providerId}}), which is kept for the
     * next calls to that broker: a token one broker received is worth nothing at another's.
     */
    @Test
    void eachBrokerGetsATokenForItsOwnProviderOnly() {
        Map<String, Brokers> brokers = new LinkedHashMap<>();
        Map<String, UUID> subscriptions = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            String provider = "p" + UUID.randomUUID().toString().substring(0, 8);
            Brokers itsBroker = Brokers.fresh(wireMock);
            UUID itsService = UUID.randomUUID();
            UUID itsSubscription = UUID.randomUUID();
            tokens.put(provider, TestTokens.marketplaceAtBroker(provider));
            wireMock.stubFor(post(urlPathEqualTo(WireMockBrokers.REALM_PATH + "/protocol/openid-connect/token"))
                    .atPriority(1).withRequestBody(containing("scope=broker-" + provider))
                    .willReturn(json(200, "{\"access_token\":\"" + tokens.get(provider)
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":60}")));
            itsBroker.stub(itsBroker.provision(itsSubscription).willReturn(json(202, "{\"operation\":\"op-1\"}")));
            itsBroker.stub(itsBroker.lastOperation(itsSubscription).willReturn(json(200, "{\"state\":\"succeeded\"}")));
            topics.catalogServiceOfKnown(catalog, provider, itsService, itsBroker.url(), "standard");
            topics.request(Topics.REQUESTED, itsSubscription, itsService, "standard");
            brokers.put(provider, itsBroker);
            subscriptions.put(provider, itsSubscription);
            OperatorApi.awaitJob(itsService, "SUCCEEDED");
        }

        brokers.forEach((provider, itsBroker) -> {
            assertThat(itsBroker.calls(subscriptions.get(provider))).hasSize(2)
                    .extracting(call -> call.getHeader("Authorization"))
                    .containsOnly("Bearer " + tokens.get(provider));
            assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(WireMockBrokers.REALM_PATH
                    + "/protocol/openid-connect/token")).withRequestBody(containing("scope=broker-" + provider))))
                    .as("one token for both calls").hasSize(1);
        });
    }

    /** A request's trace goes on through its job to each broker call and back with the results. */
    @Test
    void theJobContinuesTheTraceOfItsRequestToTheBrokerAndInItsResults() {
        String traceId = "5b8aa5a2d2c872e8321cf37308d69df2";
        broker.stub(broker.provision(subscription).willReturn(json(201, "{}")));
        ProducerRecord<String, String> request = Topics.requestRecord(Topics.REQUESTED, subscription, serviceId,
                "standard");
        request.headers().add("traceparent",
                ("00-" + traceId + "-051581bf3cb55c13-01").getBytes(StandardCharsets.UTF_8));

        topics.sendAll(List.of(request));

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getString("traceId")).isEqualTo(traceId);
        assertThat(OperatorApi.jobsOf(serviceId).getString("items[0].traceId")).isEqualTo(traceId);
        String sent = broker.requests("PUT", subscription).get(0).getHeader("traceparent");
        assertThat(sent).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("051581bf3cb55c13");
        assertThat(topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2))
                .allSatisfy(result -> assertThat(Topics.header(result, "traceparent")).startsWith("00-" + traceId));
    }

    /** OSB's originating identity: the platform, then base64 of the person's token subject and the AGS. */
    @Test
    void everyCallOfAPersonsRequestNamesThePerson() throws Exception {
        broker.stub(broker.provision(subscription).willReturn(json(202, "{\"operation\":\"op-1\"}")));
        broker.stub(broker.lastOperation(subscription).willReturn(json(200, "{\"state\":\"succeeded\"}")));

        topics.requestBy("f3a1c2d4-leipzig-staff", Topics.REQUESTED, subscription, serviceId, "standard", null);

        OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        List<LoggedRequest> calls = broker.calls(subscription);
        assertThat(calls).extracting(call -> call.getMethod().getName()).containsExactly("PUT", "GET");
        for (LoggedRequest call : calls) {
            String[] identity = call.getHeader("X-Broker-API-Originating-Identity").split(" ");
            assertThat(identity[0]).isEqualTo("efa-marketplace");
            JsonNode user = JSON.readTree(Base64.getDecoder().decode(identity[1]));
            assertThat(user.path("user_id").asText()).isEqualTo("f3a1c2d4-leipzig-staff");
            assertThat(user.path("ags").asText()).isEqualTo("14713000");
        }
    }

    @Test
    void timeoutIsFollowedByOrphanMitigationAndFailsWhenTheBudgetIsSpent() {
        // Longer than the test profile's deadline of 2 s; its retry budget of 3 s is spent at the second timeout.
        broker.stub(broker.provision(subscription).willReturn(json(201, "{}").withFixedDelay(3000)));
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "FAILED");
        assertThat(job.getString("failureReason")).contains("no complete answer within 2000 ms")
                .contains("gave up after 2 failed attempts in PT4").contains("retry budget PT3S");
        assertThat(job.getList("attempts.action")).containsExactly("PROVISION", "ORPHAN_MITIGATION", "PROVISION",
                "ORPHAN_MITIGATION");
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(null, 200, null, 200);
        assertThat(job.getLong("attempts[0].durationMs")).isBetween(2000L, 3000L);
        LoggedRequest delete = broker.requests("DELETE", subscription).get(0);
        assertThat(delete.queryParameter("service_id").firstValue()).isEqualTo(serviceId.toString());
        assertThat(delete.queryParameter("plan_id").firstValue()).isEqualTo("standard");

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2);
        assertThat(Topics.header(results.get(1), "ce_type")).isEqualTo("de.efa.instance.provisioning-failed.v1");
        results.forEach(ResultSchemas::assertValid);
    }

    /** Another operation on the instance is still in progress at the broker: the provisioning waits its turn. */
    @Test
    void concurrencyErrorIsTriedAgainWithoutOrphanMitigation() throws Exception {
        broker.stub(broker.provision(subscription).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(json(422,
                        "{\"error\":\"ConcurrencyError\",\"description\":\"another operation is in progress\"}"))
                .willSetStateTo("free"));
        broker.stub(broker.provision(subscription).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(json(201, "{\"dashboard_url\":\"https://broker.example/dashboard/2\"}")));
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getList("attempts.action")).containsExactly("PROVISION", "PROVISION");
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(422, 201);
        assertThat(job.getString("failureReason")).isNull();
        assertThat(broker.requests("DELETE", subscription)).isEmpty();

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2);
        assertThat(results).extracting(r -> Topics.header(r, "ce_type"))
                .containsExactly("de.efa.instance.provisioning-started.v1", "de.efa.instance.provisioned.v1");
        results.forEach(ResultSchemas::assertValid);
        assertThat(JSON.readTree(results.get(1).value()).path("dashboardUrl").asText())
                .isEqualTo("https://broker.example/dashboard/2");
    }

    @Test
    void failedLastOperationFailsTheJobAfterOrphanMitigation() throws Exception {
        JsonPath job = failedAfterPolling("{\"operation\":\"provision 7\"}",
                "{\"state\":\"failed\",\"description\":\"quota exceeded\"}");
        assertThat(job.getString("failureReason")).contains("quota exceeded");
        assertThat(job.getList("attempts.action")).containsExactly("PROVISION", "LAST_OPERATION", "ORPHAN_MITIGATION");
        LoggedRequest poll = broker.lastOperationRequests(subscription).get(0);
        assertThat(poll.queryParameter("operation").firstValue()).isEqualTo("provision 7");
        assertThat(poll.queryParameter("service_id").firstValue()).isEqualTo(serviceId.toString());
        assertThat(poll.getHeader("X-Broker-API-Version")).isEqualTo("2.17");
        assertThat(broker.requests("DELETE", subscription)).hasSize(1);

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2);
        assertThat(Topics.header(results.get(1), "ce_type")).isEqualTo("de.efa.instance.provisioning-failed.v1");
        assertThat(JSON.readTree(results.get(1).value()).path("reason").asText()).contains("quota exceeded");
        results.forEach(ResultSchemas::assertValid);
    }

    /** The operator's job view shows no link to the instance that orphan mitigation deleted. */
    @Test
    void aFailedProvisioningShowsNoDashboardOfTheDeletedInstance() throws Exception {
        JsonPath job = failedAfterPolling("{\"operation\":\"provision 8\",\"dashboard_url\":\"https://d/8\"}",
                "{\"state\":\"failed\"}");
        assertThat(job.getList("attempts.action")).containsExactly("PROVISION", "LAST_OPERATION", "ORPHAN_MITIGATION");
        assertThat(job.getString("dashboardUrl")).isNull();

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 2);
        assertThat(Topics.header(results.get(1), "ce_type")).isEqualTo("de.efa.instance.provisioning-failed.v1");
        assertThat(JSON.readTree(results.get(1).value()).path("dashboardUrl").isNull()).isTrue();
    }

    @Test
    void retryAfterOfTheBrokerIsHonoured() {
        broker.stub(broker.provision(subscription).willReturn(json(202, "{\"operation\":\"op-1\"}")));
        broker.stub(broker.lastOperation(subscription).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"state\":\"in progress\"}").withHeader("Retry-After", "1"))
                .willSetStateTo("done"));
        broker.stub(broker.lastOperation(subscription).inScenario("slow").whenScenarioStateIs("done")
                .willReturn(json(200, "{\"state\":\"succeeded\"}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        List<LoggedRequest> polls = broker.lastOperationRequests(subscription);
        assertThat(polls).hasSize(2);
        long gapMs = polls.get(1).getLoggedDate().getTime() - polls.get(0).getLoggedDate().getTime();
        // Without Retry-After the next poll would follow after the 50 ms poll interval of the test profile.
        assertThat(gapMs).isGreaterThanOrEqualTo(1000);
    }

    /** The provision is accepted, its poll says failed: the job ends FAILED after orphan mitigation. */
    private JsonPath failedAfterPolling(String provisionAnswer, String lastOperationAnswer) {
        broker.stub(broker.provision(subscription).willReturn(json(202, provisionAnswer)));
        broker.stub(broker.lastOperation(subscription).willReturn(json(200, lastOperationAnswer)));
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));
        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");
        return OperatorApi.awaitJob(serviceId, "FAILED");
    }

    /**
     * PostgreSQL's text cannot hold U+0000. A broker that sends it, escaped in its JSON or as a raw byte, must not
     * make its job unstorable (it would be taken up again and again and never end); it ends like any other failure.
     */
    @Test
    void aBrokerSendingNulCharactersCannotMakeItsJobUnstorable() {
        JsonPath job = failedAfterPolling("{\"operation\":\"provision\\u00007\"}",
                "{\"state\":\"failed\",\"description\":\"quota\\u0000exceeded\"}\u0000");
        assertThat(job.getString("failureReason")).contains("quota\uFFFDexceeded").doesNotContain("\u0000");
        assertThat(job.getList("attempts.action")).containsExactly("PROVISION", "LAST_OPERATION", "ORPHAN_MITIGATION");
        assertThat(job.getList("attempts.answer", String.class)).noneMatch(answer -> answer.contains("\u0000"));
        assertThat(broker.lastOperationRequests(subscription).get(0).queryParameter("operation").firstValue())
                .isEqualTo("provision\uFFFD7");
    }

    @Test
    void conflictFailsWithoutRetryStorm() {
        broker.stub(broker.provision(subscription).willReturn(json(409,
                "{\"description\":\"an instance with this id and other attributes exists\"}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "FAILED");
        assertThat(job.getString("failureReason")).contains("409").contains("other attributes");
        assertThat(job.getList("attempts")).hasSize(1);
        assertThat(broker.requests("PUT", subscription)).hasSize(1);
        assertThat(broker.requests("DELETE", subscription)).isEmpty();
    }

    @Test
    void cancellationDeprovisionsAsynchronouslyAndGoneMeansDone() throws Exception {
        broker.stub(broker.provision(subscription).willReturn(json(201, "{}")));
        broker.stub(broker.deprovision(subscription).willReturn(json(202, "{\"operation\":\"delete-1\"}")));
        broker.stub(broker.lastOperation(subscription).willReturn(json(410, "{}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");
        topics.request(Topics.CANCELLATION_REQUESTED, subscription, serviceId, "standard");

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 4);
        assertThat(results).extracting(r -> Topics.header(r, "ce_type")).containsExactly(
                "de.efa.instance.provisioning-started.v1", "de.efa.instance.provisioned.v1",
                "de.efa.instance.provisioning-started.v1", "de.efa.instance.deprovisioned.v1");
        results.forEach(ResultSchemas::assertValid);
        assertThat(JSON.readTree(results.get(3).value()).path("operation").asText()).isEqualTo("DEPROVISION");
        LoggedRequest delete = broker.requests("DELETE", subscription).get(0);
        assertThat(delete.queryParameter("accepts_incomplete").firstValue()).isEqualTo("true");
        assertThat(delete.queryParameter("plan_id").firstValue()).isEqualTo("standard");
        assertThat(broker.lastOperationRequests(subscription).get(0).queryParameter("operation").firstValue())
                .isEqualTo("delete-1");
    }

    /** Of a subscription's jobs only the oldest unfinished one is driven; a job that arrives meanwhile waits for it. */
    @Test
    void aDeprovisioningThatArrivesWhileTheProvisioningIsInProgressWaitsAndRunsAfterIt() {
        String slowBroker = "slow-" + subscription;
        broker.stub(broker.provision(subscription).willReturn(json(202, "{\"operation\":\"put-1\"}")));
        broker.stub(broker.lastOperation(subscription).withQueryParam("operation", equalTo("put-1"))
                .inScenario(slowBroker).whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"state\":\"in progress\"}")));
        broker.stub(broker.lastOperation(subscription).withQueryParam("operation", equalTo("put-1"))
                .inScenario(slowBroker).whenScenarioStateIs("ready")
                .willReturn(json(200, "{\"state\":\"succeeded\"}")));
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));

        String provision = topics.request(Topics.REQUESTED, subscription, serviceId, "standard");
        OperatorApi.awaitJobById(provision, "IN_PROGRESS");
        String deprovision = topics.request(Topics.CANCELLATION_REQUESTED, subscription, serviceId, "standard");
        OperatorApi.awaitJobById(deprovision, "PENDING");
        int polls = broker.lastOperationRequests(subscription).size();

        // The provisioning goes on polling; all the while the deprovisioning is not even begun.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> broker.lastOperationRequests(subscription).size() >= polls + 5);
        JsonPath waiting = OperatorApi.job(deprovision);
        assertThat(waiting.getString("status")).isEqualTo("PENDING");
        assertThat(waiting.getList("attempts")).isEmpty();
        assertThat(broker.requests("DELETE", subscription)).isEmpty();

        wireMock.setScenarioState(slowBroker, "ready");

        assertThat(OperatorApi.awaitJobById(deprovision, "SUCCEEDED").getList("attempts.action"))
                .containsExactly("DEPROVISION");
        assertThat(OperatorApi.job(provision).getString("status")).isEqualTo("SUCCEEDED");
        // The broker saw the provisioning's last poll before the DELETE.
        List<String> calls = broker.calls(subscription).stream().map(call -> call.getMethod().getName()).toList();
        assertThat(calls.get(0)).isEqualTo("PUT");
        assertThat(calls.subList(1, calls.size() - 1)).containsOnly("GET");
        assertThat(calls.get(calls.size() - 1)).isEqualTo("DELETE");

        List<ConsumerRecord<String, String>> results = topics.awaitRecords(Topics.RESULTS, subscription.toString(), 4);
        assertThat(results).extracting(Topics::result).containsExactly(
                "de.efa.instance.provisioning-started.v1 " + provision + " PROVISION",
                "de.efa.instance.provisioned.v1 " + provision + " PROVISION",
                "de.efa.instance.provisioning-started.v1 " + deprovision + " DEPROVISION",
                "de.efa.instance.deprovisioned.v1 " + deprovision + " DEPROVISION");
        results.forEach(ResultSchemas::assertValid);
    }
}
