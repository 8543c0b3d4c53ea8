package de.efa.marketplace.provisioning;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.MisbehavingBroker;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.OutboxResults;
import de.efa.marketplace.support.OutboxResults.Result;
import de.efa.marketplace.support.TestDns;
import de.efa.marketplace.support.Topics;
import de.efa.marketplace.support.WireMockBrokers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static de.efa.marketplace.support.Brokers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One bad broker cannot break the others: its answers are read to 1 MiB and within the deadline (2 s in the test
 * profile, whose retry budget is 3 s), at most 4 workers (the test profile's bulkhead) are inside its calls or the
 * lookups of its host, which end within the lookup timeout, a broker that keeps failing is short-circuited until it
 * recovers, an identity provider outage fails no job, dashboard URLs are checked, and a broker URL the production
 * policy refuses is never called.
 */
@QuarkusTest
class BrokerTrustTest {

    private static final String TOKEN_PATH = WireMockBrokers.REALM_PATH + "/protocol/openid-connect/token";
    private static final int BULKHEAD = 4;
    private static MisbehavingBroker misbehaving;

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestDns dns;

    @ConfigProperty(name = "efa.provisioning.circuit-breaker.delay")
    Duration circuitDelay;

    @ConfigProperty(name = "efa.provisioning.lookup-timeout")
    Duration lookupTimeout;

    @BeforeAll
    static void startMisbehavingBroker() {
        misbehaving = new MisbehavingBroker();
    }

    @AfterAll
    static void stopMisbehavingBroker() {
        misbehaving.close();
    }

    @Test
    void anAnswerOf100MegabytesIsAFailedCallAfterOneMebibyte() {
        Brokers.fresh(wireMock);
        JsonPath job = firstAttemptOf(misbehaving.hugeUrl());
        assertThat(job.getString("attempts[0].answer")).startsWith("answer larger than 1 MiB (HTTP 200)");
        assertThat(job.getString("attempts[0].status")).isNull();
        assertThat(job.getLong("attempts[0].durationMs")).isLessThan(2000);
        // The connection is closed once 1 MiB has come, with what the socket buffers held besides.
        assertThat(misbehaving.hugeBytesSent()).isLessThan(MisbehavingBroker.HUGE_BYTES / 4);
    }

    @Test
    void aBrokerThatDripsOneBytePerSecondCostsTheWorkerTheDeadline() {
        Brokers.fresh(wireMock);
        JsonPath job = firstAttemptOf(misbehaving.dripUrl());
        assertThat(job.getString("attempts[0].answer")).isEqualTo("no complete answer within 2000 ms");
        assertThat(job.getLong("attempts[0].durationMs")).isBetween(2000L, 2900L);
    }

    /**
     * 40 jobs at a broker that never answers within the deadline, then 8 at a healthy one: the healthy broker's jobs
     * all succeed while the slow one's are still tried, and the slow broker never has more than 4 calls in flight.
     */
    @Test
    void aSlowBrokerDoesNotHoldUpTheOthers() {
        Topics topics = new Topics(kafka);
        Brokers slow = Brokers.fresh(wireMock);
        Brokers healthy = Brokers.fresh(wireMock);
        UUID slowService = UUID.randomUUID();
        UUID healthyService = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, slowService, slow.url(), "standard");
        topics.catalogServiceKnown(catalog, healthyService, healthy.url(), "standard");
        wireMock.stubFor(any(urlPathMatching(slowPath(slow) + "/.*"))
                .willReturn(json(201, "{}").withFixedDelay(5000)));
        List<UUID> healthySubscriptions = provisionsThatSucceed(healthy, 8);

        topics.sendAll(requests(40, slowService));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> callsTo(slow).size() >= BULKHEAD);
        topics.sendAll(requests(healthySubscriptions, healthyService));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> count(healthyService, "SUCCEEDED") == 8);
        assertThat(count(slowService, "SUCCEEDED") + count(slowService, "FAILED"))
                .as("the slow broker's jobs are still being tried").isZero();
        // Each call to the slow broker holds its place until the deadline: of any 5 calls, the last began only after
        // the first had given up.
        List<Instant> calls = callsTo(slow).stream().map(call -> call.getLoggedDate().toInstant()).sorted().toList();
        for (int i = BULKHEAD; i < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i - BULKHEAD), calls.get(i)))
                    .as("the time between calls %d and %d to the slow broker", i - BULKHEAD, i)
                    .isGreaterThan(Duration.ofMillis(1500));
        }
    }

    /**
     * A broker's host is looked up before it is called, and its provider controls that lookup: {@link TestDns} makes a
     * host's lookups hang. Each ends within {@code lookup-timeout} (500 ms in the test profile) as a failed call that
     * the job tries again.
     */
    @Test
    void aLookupThatHangsEndsItsStepWithinTheLookupTimeoutAndTheJobIsTriedAgain() {
        Topics topics = new Topics(kafka);
        Brokers.fresh(wireMock);
        String host = hangingHost();
        try {
            UUID serviceId = UUID.randomUUID();
            topics.catalogServiceKnown(catalog, serviceId, "https://" + host + "/brokers/akdb", "standard");
            String id = topics.request(Topics.REQUESTED, UUID.randomUUID(), serviceId, "standard");

            // The lookup still hangs: the job gave up after its retry budget (3 s), not after one lookup.
            JsonPath job = OperatorApi.awaitJobById(id, "FAILED");
            String timedOut = "the broker host " + host + " did not resolve within " + lookupTimeout.toMillis() + " ms";
            List<Map<String, Object>> lookedUp = attempts(job).stream().filter(attempt -> !shortCircuited(attempt))
                    .toList();
            assertThat(lookedUp).as("the job is tried again after a lookup that timed out").hasSizeGreaterThan(1);
            for (Map<String, Object> attempt : lookedUp) {
                assertThat(attempt.get("status")).isNull();
                assertThat(attempt.get("answer")).isEqualTo(timedOut);
                assertThat(((Number) attempt.get("durationMs")).longValue())
                        .isBetween(lookupTimeout.toMillis(), lookupTimeout.toMillis() + 1000);
            }
            assertThat(job.getString("failureKind")).isNotEqualTo("NOT_ALLOWED");
            assertThat(job.getString("failureReason")).contains(timedOut).contains("gave up after");
        } finally {
            dns.release(host);
        }
    }

    /**
     * 40 jobs (more than the 32 workers) at a broker whose host's lookups hang, then 8 at a healthy broker: the
     * lookups hold only the hanging broker's places, and the healthy broker's jobs all succeed while they still hang.
     */
    @Test
    void whileOneBrokersLookupsHangAnotherBrokersJobsAreCalled() {
        Topics topics = new Topics(kafka);
        Brokers healthy = Brokers.fresh(wireMock);
        String host = hangingHost();
        try {
            UUID hangingService = UUID.randomUUID();
            UUID healthyService = UUID.randomUUID();
            topics.catalogServiceKnown(catalog, hangingService, "https://" + host + "/brokers/akdb", "standard");
            topics.catalogServiceKnown(catalog, healthyService, healthy.url(), "standard");
            List<UUID> healthySubscriptions = provisionsThatSucceed(healthy, 8);

            topics.sendAll(requests(40, hangingService));
            // Every job of the hanging broker is due before the healthy broker's.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> OperatorApi.jobsOf(hangingService).getInt("total") == 40);
            topics.sendAll(requests(healthySubscriptions, healthyService));

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count(healthyService, "SUCCEEDED") == 8);
            assertThat(count(hangingService, "SUCCEEDED")).isZero();
        } finally {
            dns.release(host);
        }
    }

    /**
     * A host that does not resolve is a broker that cannot be reached: after the test profile's 4 such calls the
     * broker is short-circuited, and the job's next calls are turned away without a lookup.
     */
    @Test
    void aHostThatDoesNotResolveCountsTowardsItsBrokersCircuit() {
        Topics topics = new Topics(kafka);
        Brokers.fresh(wireMock);
        String host = "nowhere-" + UUID.randomUUID() + ".example";
        dns.unresolvable(host);
        UUID serviceId = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, "https://" + host + "/brokers/akdb", "standard");
        String id = topics.request(Topics.REQUESTED, UUID.randomUUID(), serviceId, "standard");

        JsonPath job = OperatorApi.awaitJobById(id, "FAILED");
        List<String> answers = attempts(job).stream().map(attempt -> String.valueOf(attempt.get("answer"))).toList();
        String unresolved = "the broker host " + host + " does not resolve";
        assertThat(answers.subList(0, 4)).containsOnly(unresolved);
        assertThat(answers).anySatisfy(answer -> assertThat(answer).contains("short-circuited")
                .contains("(the last: " + unresolved + ")"));
    }

    /**
     * The broker fails its first 4 calls (the provisioning and three orphan mitigations) and answers well from then
     * on: its circuit opens after the 4th, and the job does not call it until the circuit lets one call try. Whether
     * the job's worker comes by while the circuit is open (an attempt recorded as short-circuited) depends on how
     * busy the machine is; that the broker is left alone for the circuit's delay does not.
     */
    @Test
    void aFailingBrokerIsShortCircuitedUntilItRecovers() {
        Topics topics = new Topics(kafka);
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        String failing = "failing-" + subscription;
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.stub(broker.provision(subscription).inScenario(failing).whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{}")).willSetStateTo("failed 1"));
        for (int failed = 1; failed < 4; failed++) {
            broker.stub(broker.deprovision(subscription).inScenario(failing).whenScenarioStateIs("failed " + failed)
                    .willReturn(json(503, "{}")).willSetStateTo(failed == 3 ? "recovered" : "failed " + (failed + 1)));
        }
        broker.stub(broker.deprovision(subscription).inScenario(failing).whenScenarioStateIs("recovered")
                .willReturn(json(200, "{}")));
        broker.stub(broker.provision(subscription).inScenario(failing).whenScenarioStateIs("recovered")
                .willReturn(json(201, "{}")));

        String id = topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJobById(id, "SUCCEEDED");
        List<Map<String, Object>> attempts = job.getList("attempts");
        List<Object> reachedTheBroker = attempts.stream().filter(attempt -> !shortCircuited(attempt))
                .map(attempt -> attempt.get("status")).toList();
        assertThat(reachedTheBroker).containsExactly(503, 503, 503, 503, 200, 201);
        assertThat(attempts.subList(0, 4)).as("nothing is short-circuited before the 4th failure")
                .noneMatch(BrokerTrustTest::shortCircuited);
        List<Instant> calls = broker.calls(subscription).stream().map(call -> call.getLoggedDate().toInstant())
                .sorted().toList();
        assertThat(calls).as("a short-circuited call never reaches the broker").hasSize(6);
        // The broker logs a call's arrival to the millisecond; the circuit opens after the 4th call's answer.
        assertThat(Duration.between(calls.get(3), calls.get(4)))
                .as("the broker is left alone while its circuit is open")
                .isGreaterThanOrEqualTo(circuitDelay.minusMillis(1));
    }

    private static boolean shortCircuited(Map<String, Object> attempt) {
        return attempt.get("answer") instanceof String answer && answer.contains("short-circuited");
    }

    /**
     * The token endpoint answers 503 for longer than the retry budget, right after the job's first call failed; once
     * it answers again the job's next call fails too, and is still tried again: the outage spent none of the budget.
     */
    @Test
    void anIdentityProviderOutageFailsNoJob() {
        Topics topics = new Topics(kafka);
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        String outage = "keycloak-outage-" + subscription;
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        // Tokens valid for a second, as Brokers hands them out: within a second of the outage no call has a token.
        String shortLived = "{\"access_token\":\"" + Brokers.TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":1}";
        for (String up : List.of(STARTED, "keycloak-up", "failed-again")) {
            wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario(outage).whenScenarioStateIs(up)
                    .willReturn(json(200, shortLived)));
        }
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario(outage).whenScenarioStateIs("keycloak-down")
                .willReturn(aResponse().withStatus(503)));
        broker.stub(broker.provision(subscription).inScenario(outage).whenScenarioStateIs(STARTED)
                .willReturn(json(500, "{}")).willSetStateTo("keycloak-down"));
        // A call whose token was fetched just before the outage still reaches the broker.
        broker.stub(broker.provision(subscription).inScenario(outage).whenScenarioStateIs("keycloak-down")
                .willReturn(json(500, "{}")));
        broker.stub(broker.provision(subscription).inScenario(outage).whenScenarioStateIs("keycloak-up")
                .willReturn(json(500, "{}")).willSetStateTo("failed-again"));
        broker.stub(broker.provision(subscription).inScenario(outage).whenScenarioStateIs("failed-again")
                .willReturn(json(201, "{}")));
        broker.stub(broker.deprovision(subscription).willReturn(json(410, "{}")));
        try {
            String id = topics.request(Topics.REQUESTED, subscription, serviceId, "standard");
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                        .until(() -> noTokenSpan(OperatorApi.job(id)).compareTo(Duration.ofMillis(3500)) > 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(OperatorApi.job(id).prettify(), e);
            }
            assertThat(OperatorApi.job(id).getString("status")).isEqualTo("IN_PROGRESS");
            wireMock.setScenarioState(outage, "keycloak-up");

            JsonPath job = OperatorApi.awaitJobById(id, "SUCCEEDED");
            assertThat(job.getList("attempts.status", Integer.class)).containsSubsequence(500, 410, 500, 410, 201);
        } finally {
            Brokers.fresh(wireMock);
        }
    }

    @Test
    void aDashboardUrlThatIsNotHttpsIsNotPassedOn() {
        Topics topics = new Topics(kafka);
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.stub(broker.provision(subscription)
                .willReturn(json(201, "{\"dashboard_url\":\"http://broker.example/dashboard/1\"}")));

        topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJob(serviceId, "SUCCEEDED");
        assertThat(job.getString("dashboardUrl")).isNull();
        assertThat(job.getString("attempts[0].note")).isEqualTo("dashboard_url not kept: it is not https (http only "
                + "on a loopback host): http://broker.example/dashboard/1");
    }

    /**
     * A dashboard on plain http is kept only on a loopback host that the broker URL policy lets brokers use. The test
     * profile runs the strict policy with {@code localhost} allow-listed, as a local stack does: a dashboard at
     * {@code http://localhost} is kept, one at {@code http://127.0.0.1}, as production would see it, is neither
     * stored nor passed on to the municipality.
     */
    @Test
    void anHttpLoopbackDashboardUrlIsKeptOnlyOnAHostAllowedForBrokers() {
        Topics topics = new Topics(kafka);
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        UUID strict = UUID.randomUUID();
        UUID allowListed = UUID.randomUUID();
        broker.stub(broker.provision(strict)
                .willReturn(json(201, "{\"dashboard_url\":\"http://127.0.0.1:8090/dashboard/1\"}")));
        broker.stub(broker.provision(allowListed)
                .willReturn(json(201, "{\"dashboard_url\":\"http://localhost:8090/dashboard/2\"}")));

        JsonPath dropped = OperatorApi.awaitJobById(topics.request(Topics.REQUESTED, strict, serviceId, "standard"),
                "SUCCEEDED");
        JsonPath kept = OperatorApi.awaitJobById(topics.request(Topics.REQUESTED, allowListed, serviceId, "standard"),
                "SUCCEEDED");

        assertThat(dropped.getString("dashboardUrl")).isNull();
        assertThat(dropped.getString("attempts[0].note")).isEqualTo("dashboard_url not kept: it is not https, and "
                + "its loopback host is not allowed for brokers: http://127.0.0.1:8090/dashboard/1");
        Result provisioned = new OutboxResults(dataSource).results(strict).get(1);
        assertThat(provisioned.type()).isEqualTo("de.efa.instance.provisioned.v1");
        assertThat(provisioned.field("dashboardUrl")).isNull();

        assertThat(kept.getString("dashboardUrl")).isEqualTo("http://localhost:8090/dashboard/2");
        assertThat(kept.getString("attempts[0].note")).isNull();
        assertThat(new OutboxResults(dataSource).results(allowListed).get(1).field("dashboardUrl"))
                .isEqualTo("http://localhost:8090/dashboard/2");
    }

    /**
     * A broker's words reach the job's reason, and the reason its result event, which the outbox refuses beyond about
     * 1 MB: a description of a million characters is cut, and the job fails instead of its every step being rolled
     * back and the request sent again without end.
     */
    @Test
    void aRefusalWithAMegabyteOfDescriptionFailsTheJobWithABoundedReason() {
        Topics topics = new Topics(kafka);
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.stub(broker.provision(subscription)
                .willReturn(json(400, "{\"description\":\"" + "x".repeat(1_000_000) + "\"}")));

        String id = topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJobById(id, "FAILED");
        String reason = job.getString("failureReason");
        assertThat(reason).startsWith("the broker refused the request with 400: xxx").endsWith("x…")
                .hasSize("the broker refused the request with 400: ".length() + BrokerAnswer.MAX_SUMMARY_CHARS + 1);
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(400);
        assertThat(job.getString("attempts[0].answer")).hasSize(BrokerAnswer.MAX_SUMMARY_CHARS + 1);
        assertThat(broker.calls(subscription)).as("the request was sent once").hasSize(1);
        List<Result> results = new OutboxResults(dataSource).results(subscription);
        assertThat(results).extracting(Result::type).containsExactly("de.efa.instance.provisioning-started.v1",
                "de.efa.instance.provisioning-failed.v1");
        assertThat(results.get(1).field("reason")).isEqualTo(reason);
    }

    /** A dashboard URL of a megabyte is no link to hand on: the job succeeds without it. */
    @Test
    void aDashboardUrlOfAMegabyteIsNotPassedOn() {
        Topics topics = new Topics(kafka);
        Brokers broker = Brokers.fresh(wireMock);
        UUID serviceId = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.stub(broker.provision(subscription).willReturn(
                json(201, "{\"dashboard_url\":\"https://broker.example/" + "d".repeat(1_000_000) + "\"}")));

        String id = topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJobById(id, "SUCCEEDED");
        assertThat(job.getString("dashboardUrl")).isNull();
        assertThat(job.getString("attempts[0].note"))
                .isEqualTo("dashboard_url not kept: it is longer than 2048 characters");
        Result provisioned = new OutboxResults(dataSource).results(subscription).get(1);
        assertThat(provisioned.type()).isEqualTo("de.efa.instance.provisioned.v1");
        assertThat(provisioned.field("dashboardUrl")).isNull();
    }

    /** The test profile runs the production policy, with its brokers' host (localhost) allow-listed. */
    @Test
    void aBrokerUrlThePolicyRefusesIsNeverCalled() {
        Topics topics = new Topics(kafka);
        Brokers.fresh(wireMock);
        Map<String, String> refused = Map.of(
                "https://169.254.169.254/brokers/x", "resolves to the metadata address 169.254.169.254",
                "http://127.0.0.1:1/brokers/x", "is not https");
        refused.forEach((url, reason) -> {
            UUID serviceId = UUID.randomUUID();
            topics.catalogServiceKnown(catalog, serviceId, url, "standard");
            topics.request(Topics.REQUESTED, UUID.randomUUID(), serviceId, "standard");
            JsonPath job = OperatorApi.awaitJob(serviceId, "FAILED");
            assertThat(job.getString("failureKind")).isEqualTo("NOT_ALLOWED");
            assertThat(job.getString("failureReason")).contains(reason);
            assertThat(job.getList("attempts.status")).containsExactly((Object) null);
        });
    }

    /** A job at {@code brokerUrl}, once its first call is recorded. */
    private JsonPath firstAttemptOf(String brokerUrl) {
        Topics topics = new Topics(kafka);
        UUID serviceId = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, brokerUrl, "standard");
        String id = topics.request(Topics.REQUESTED, UUID.randomUUID(), serviceId, "standard");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> !OperatorApi.job(id).getList("attempts").isEmpty());
        return OperatorApi.job(id);
    }

    /** A host of its own for a test, whose lookups hang until the test releases it. */
    private String hangingHost() {
        String host = "hanging-" + UUID.randomUUID() + ".example";
        dns.hang(host);
        return host;
    }

    private static List<Map<String, Object>> attempts(JsonPath job) {
        return job.getList("attempts");
    }

    /** New subscriptions whose provisioning at the broker succeeds. */
    private static List<UUID> provisionsThatSucceed(Brokers broker, int subscriptions) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            UUID subscription = UUID.randomUUID();
            ids.add(subscription);
            broker.stub(broker.provision(subscription).willReturn(json(201, "{}")));
        }
        return ids;
    }

    /** Requests of new subscriptions to the service. */
    private static List<ProducerRecord<String, String>> requests(int subscriptions, UUID serviceId) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            ids.add(UUID.randomUUID());
        }
        return requests(ids, serviceId);
    }

    private static List<ProducerRecord<String, String>> requests(List<UUID> subscriptions, UUID serviceId) {
        return subscriptions.stream().map(s -> Topics.requestRecord(Topics.REQUESTED, s, serviceId, "standard"))
                .toList();
    }

    /** From the first to the last of the job's calls that got no token. */
    private static Duration noTokenSpan(JsonPath job) {
        List<Instant> at = new ArrayList<>();
        List<String> answers = job.getList("attempts.answer", String.class);
        List<String> times = job.getList("attempts.at", String.class);
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) != null && answers.get(i).startsWith("no access token")) {
                at.add(Instant.parse(times.get(i)));
            }
        }
        return at.size() < 2 ? Duration.ZERO : Duration.between(at.get(0), at.get(at.size() - 1));
    }

    private List<LoggedRequest> callsTo(Brokers broker) {
        return wireMock.findAll(anyRequestedFor(urlPathMatching(slowPath(broker) + "/.*")));
    }

    private String slowPath(Brokers broker) {
        return broker.url().substring(wireMock.baseUrl().length());
    }

    private int count(UUID serviceId, String status) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM provisioning_job WHERE service_id = ? AND status = ?")) {
            query.setObject(1, serviceId);
            query.setString(2, status);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("the jobs could not be counted", e);
        }
    }
}
