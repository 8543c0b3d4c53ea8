package de.efa.marketplace.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.OutboxResults;
import de.efa.marketplace.support.OutboxResults.Result;
import de.efa.marketplace.support.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static de.efa.marketplace.support.Brokers.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of an instance after it was provisioned, against a simulated broker: updates (plan and parameters) and
 * context updates (suspending and resuming), each with OSB PATCH and, after a 202, the last operation. Nothing of it
 * is ever cleaned up, since the instance exists. A broker is never asked for what its catalog does not offer; the job
 * fails with that reason instead (a test's own catalog replaces the one every test starts with).
 */
@QuarkusTest
class InstanceChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSON = "0c1d2e3f-staff-of-leipzig";

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    @Inject
    AgroalDataSource dataSource;

    private Topics topics;
    private OutboxResults outbox;
    private Brokers broker;
    private UUID serviceId;
    private UUID subscription;

    @BeforeEach
    void newBrokerAndService() {
        topics = new Topics(kafka);
        outbox = new OutboxResults(dataSource);
        broker = Brokers.fresh(wireMock);
        serviceId = UUID.randomUUID();
        subscription = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard", "premium");
        // Like the demo provider, a broker that takes any service id: what its one service offers counts for all.
        broker.catalog("""
                {"id":"efa-demo-saas","name":"efa-demo-saas","plan_updateable":true,"allow_context_updates":true,
                 "plans":[{"id":"standard","name":"standard"}]}""");
    }

    @Test
    void anUpdateAppliedAtOnceChangesPlanAndParametersAndReportsTheNewPlan() throws Exception {
        broker.stub(broker.update(subscription).willReturn(json(200, "{\"dashboard_url\":\"https://d/premium\"}")));

        String update = topics.requestBy(PERSON, Topics.UPDATE_REQUESTED, subscription, serviceId, "premium",
                "standard");

        JsonPath job = OperatorApi.awaitJobById(update, "SUCCEEDED");
        assertThat(job.getString("operation")).isEqualTo("UPDATE");
        assertThat(job.getString("previousPlanId")).isEqualTo("standard");
        // A plan change: the broker's catalog is read first, for whether the plan may change.
        assertThat(job.getList("attempts.action")).containsExactly("CATALOG", "UPDATE");
        assertThat(broker.catalogReads().get(0).getHeader("X-Broker-API-Request-Identity"))
                .isEqualTo(job.getString("attempts[0].requestIdentity"));
        LoggedRequest patch = broker.requests("PATCH", subscription).get(0);
        assertThat(patch.getUrl()).endsWith("?accepts_incomplete=true");
        assertThat(patch.getHeader("X-Broker-API-Version")).isEqualTo("2.17");
        assertThat(patch.getHeader("X-Broker-API-Request-Identity"))
                .isEqualTo(job.getString("attempts[1].requestIdentity"));
        assertOriginatingIdentity(patch);
        JsonNode body = JSON.readTree(patch.getBodyAsString());
        assertThat(body.path("service_id").asText()).isEqualTo(serviceId.toString());
        assertThat(body.path("plan_id").asText()).isEqualTo("premium");
        assertThat(body.path("previous_values").path("plan_id").asText()).isEqualTo("standard");
        assertThat(body.path("parameters").path("zustaendigkeit").asText()).isEqualTo("Bürgeramt");
        assertThat(body.path("context").path("platform").asText()).isEqualTo("efa-marketplace");
        assertThat(body.path("context").path("ags").asText()).isEqualTo("14713000");
        assertThat(body.path("context").has("suspended")).isFalse();

        List<Result> results = outbox.results(subscription);
        assertThat(results).extracting(Result::type).containsExactly("de.efa.instance.provisioning-started.v1",
                "de.efa.instance.updated.v1");
        assertThat(results).extracting(r -> r.field("jobId")).containsOnly(update);
        assertThat(results.get(0).field("operation")).isEqualTo("UPDATE");
        assertThat(results.get(1).field("planId")).isEqualTo("premium");
        assertThat(results.get(1).field("dashboardUrl")).isEqualTo("https://d/premium");
    }

    /** OSB: the poll after a plan change names the plan the instance had before it. */
    @Test
    void theLastOperationOfAPlanChangeIsPolledWithThePreviousPlan() {
        broker.stub(broker.update(subscription).willReturn(json(202, "{\"operation\":\"u1\"}")));
        broker.stub(broker.lastOperation(subscription).willReturn(json(200, "{\"state\":\"succeeded\"}")));

        String update = topics.requestBy(PERSON, Topics.UPDATE_REQUESTED, subscription, serviceId, "premium",
                "standard");

        JsonPath job = OperatorApi.awaitJobById(update, "SUCCEEDED");
        assertThat(job.getList("attempts.action")).containsExactly("CATALOG", "UPDATE", "LAST_OPERATION");
        LoggedRequest poll = broker.lastOperationRequests(subscription).get(0);
        assertThat(poll.queryParameter("operation").firstValue()).isEqualTo("u1");
        assertThat(poll.queryParameter("service_id").firstValue()).isEqualTo(serviceId.toString());
        assertThat(poll.queryParameter("plan_id").firstValue()).isEqualTo("standard");
        assertThat(outbox.results(subscription).get(1).field("planId")).isEqualTo("premium");
    }

    /** OSB instance_usable: false in the failed last operation: the instance cannot be used as it stands. */
    @Test
    void anUpdateThatFailsAtTheBrokerReportsWhetherTheInstanceIsStillUsable() {
        broker.stub(broker.update(subscription).willReturn(json(202, "{\"operation\":\"update-7\"}")));
        broker.stub(broker.lastOperation(subscription).willReturn(json(200,
                "{\"state\":\"failed\",\"description\":\"migration aborted\",\"instance_usable\":false}")));

        String update = topics.requestBy(PERSON, Topics.UPDATE_REQUESTED, subscription, serviceId, "standard",
                "standard");

        JsonPath job = OperatorApi.awaitJobById(update, "FAILED");
        assertThat(job.getList("attempts.action")).containsExactly("UPDATE", "LAST_OPERATION");
        assertThat(job.getString("failureKind")).isEqualTo("INSTANCE_UNUSABLE");
        assertThat(broker.lastOperationRequests(subscription).get(0).queryParameter("operation").firstValue())
                .isEqualTo("update-7");
        assertThat(broker.requests("DELETE", subscription)).as("no orphan mitigation").isEmpty();
        Result failed = outbox.results(subscription).get(1);
        assertThat(failed.type()).isEqualTo("de.efa.instance.update-failed.v1");
        assertThat(failed.field("reason")).contains("migration aborted");
        assertThat(failed.value().path("instanceUsable").asBoolean()).isFalse();
    }

    @Test
    void anUpdateTheBrokerRefusesFailsAtOnceAndTheInstanceStaysUsable() {
        broker.stub(broker.update(subscription).willReturn(json(400,
                "{\"error\":\"BadRequest\",\"description\":\"postfach is missing\"}")));

        String update = topics.requestBy(null, Topics.UPDATE_REQUESTED, subscription, serviceId, "standard",
                "standard");

        JsonPath job = OperatorApi.awaitJobById(update, "FAILED");
        assertThat(job.getList("attempts")).hasSize(1);
        assertThat(job.getString("failureKind")).isEqualTo("INSTANCE_USABLE");
        assertThat(broker.requests("PATCH", subscription).get(0).containsHeader("X-Broker-API-Originating-Identity"))
                .isFalse();
        Result failed = outbox.results(subscription).get(1);
        assertThat(failed.type()).isEqualTo("de.efa.instance.update-failed.v1");
        assertThat(failed.field("reason")).contains("400").contains("postfach is missing");
        assertThat(failed.value().path("instanceUsable").asBoolean()).isTrue();
    }

    /** A 408 on an instance that exists leaves nothing behind to clean up: the PATCH is only sent again. */
    @Test
    void anUpdateAnsweredWithRequestTimeoutIsTriedAgainWithoutOrphanMitigation() {
        broker.answerOnceThen(broker::update, subscription, json(408, "{\"description\":\"request timed out\"}"),
                json(200, "{}"));
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));

        String update = topics.requestBy(null, Topics.UPDATE_REQUESTED, subscription, serviceId, "standard",
                "standard");

        JsonPath job = OperatorApi.awaitJobById(update, "SUCCEEDED");
        assertThat(job.getList("attempts.action")).containsExactly("UPDATE", "UPDATE");
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(408, 200);
        assertThat(broker.calls(subscription)).extracting(call -> call.getMethod().getName())
                .containsExactly("PATCH", "PATCH");
        assertThat(outbox.results(subscription)).extracting(Result::type)
                .containsExactly("de.efa.instance.provisioning-started.v1", "de.efa.instance.updated.v1");
    }

    @Test
    void aSuspensionLocksTheInstanceThroughAContextUpdate() throws Exception {
        broker.stub(broker.update(subscription).willReturn(json(202, "{\"operation\":\"lock-1\"}")));
        broker.stub(broker.lastOperation(subscription).willReturn(json(200, "{\"state\":\"succeeded\"}")));

        String suspend = topics.requestBy(PERSON, Topics.SUSPEND_REQUESTED, subscription, serviceId, "standard",
                null);

        JsonPath job = OperatorApi.awaitJobById(suspend, "SUCCEEDED");
        assertThat(job.getList("attempts.action")).containsExactly("CATALOG", "CONTEXT_UPDATE", "LAST_OPERATION");
        LoggedRequest patch = broker.requests("PATCH", subscription).get(0);
        assertOriginatingIdentity(patch);
        JsonNode body = JSON.readTree(patch.getBodyAsString());
        assertThat(body.path("plan_id").asText()).isEqualTo("standard");
        assertThat(body.path("context").path("suspended").asBoolean()).isTrue();
        assertThat(body.path("context").path("tenant_name").asText()).isEqualTo("Leipzig, Stadt");
        assertThat(body.has("parameters")).isFalse();
        assertThat(body.has("previous_values")).isFalse();

        // No provisioning-started: the subscription has no status of its own while the broker locks it.
        List<Result> results = outbox.results(subscription);
        assertThat(results).extracting(Result::type).containsExactly("de.efa.instance.suspended.v1");
        assertThat(results.get(0).value().path("confirmed").asBoolean()).isTrue();
        assertThat(results.get(0).field("reason")).isNull();
    }

    /** The subscription is suspended here whatever the broker says; the result says it was not confirmed. */
    @Test
    void aSuspensionThatFinallyFailsIsReportedAsNotConfirmedAndLeavesAFinding() {
        broker.stub(broker.update(subscription).willReturn(json(503, "{\"description\":\"maintenance\"}")));

        String suspend = topics.requestBy(null, Topics.SUSPEND_REQUESTED, subscription, serviceId, "standard",
                null);

        JsonPath job = OperatorApi.awaitJobById(suspend, "FAILED");
        // The catalog, then 503s until the retry budget is spent; once the circuit opens, calls it did not let through.
        List<Integer> statuses = job.getList("attempts.status", Integer.class);
        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses.subList(1, statuses.size())).hasSizeGreaterThanOrEqualTo(3).contains(503)
                .allSatisfy(status -> assertThat(status).isIn(503, null));
        assertThat(broker.requests("DELETE", subscription)).isEmpty();
        Result suspended = outbox.results(subscription).get(0);
        assertThat(suspended.type()).isEqualTo("de.efa.instance.suspended.v1");
        assertThat(suspended.value().path("confirmed").asBoolean()).isFalse();
        assertThat(suspended.field("reason")).contains("503").contains("maintenance").contains("gave up");

        assertThat(OperatorApi.findingsOf(subscription)).hasSize(1);
        JsonPath finding = OperatorApi.findingOf(subscription, "SUSPENSION_NOT_CONFIRMED");
        assertThat(finding.getString("brokerUrl")).isEqualTo(broker.url());
        assertThat(finding.getBoolean("evidence.believed.suspended")).isTrue();
        // The evidence is the broker's last real answer, also when the last attempt was one its open circuit turned
        // away.
        int lastAnswered = statuses.lastIndexOf(503);
        assertThat(finding.getInt("evidence.broker.status")).isEqualTo(503);
        assertThat(finding.getString("evidence.broker.answer.description")).isEqualTo("maintenance");
        assertThat(finding.getString("evidence.broker.requestIdentity"))
                .isEqualTo(job.getString("attempts[" + lastAnswered + "].requestIdentity"));
        assertThat(finding.getString("evidence.jobId")).isEqualTo(suspend);
        assertThat(finding.getString("resolvedAt")).isNull();
    }

    @Test
    void aResumptionUnlocksTheInstanceAndAFailedOneIsAFailedJobToRetry() throws Exception {
        broker.stub(broker.update(subscription).willReturn(json(200, "{}")));

        String resume = topics.requestBy(PERSON, Topics.RESUME_REQUESTED, subscription, serviceId, "standard", null);

        OperatorApi.awaitJobById(resume, "SUCCEEDED");
        JsonNode body = JSON.readTree(broker.requests("PATCH", subscription).get(0).getBodyAsString());
        assertThat(body.path("context").path("suspended").asBoolean()).isFalse();
        Result resumed = outbox.results(subscription).get(0);
        assertThat(resumed.type()).isEqualTo("de.efa.instance.resumed.v1");
        assertThat(resumed.value().path("confirmed").asBoolean()).isTrue();

        broker.stub(broker.update(subscription).willReturn(json(422, "{\"error\":\"ConcurrencyError\"}")));
        String again = topics.requestBy(PERSON, Topics.RESUME_REQUESTED, subscription, serviceId, "standard", null);

        OperatorApi.awaitJobById(again, "FAILED");
        List<Result> results = outbox.results(subscription);
        assertThat(results).extracting(r -> r.type() + " " + r.field("operation")).containsExactly(
                "de.efa.instance.resumed.v1 RESUME", "de.efa.instance.provisioning-failed.v1 RESUME");
        // A broker that stays busy: tried again until the retry budget is spent.
        assertThat(results.get(1).field("reason")).contains("422").contains("ConcurrencyError").contains("gave up");
    }

    /** The broker lists this service, and its entry decides, whatever another service of it offers. */
    @Test
    void aBrokerWithoutContextUpdatesIsNotAskedToSuspendOrResumeAndNothingIsConfirmed() {
        broker.stub(broker.update(subscription).willReturn(json(200, "{}")));
        broker.catalog("{\"id\":\"" + serviceId + "\",\"name\":\"ours\",\"allow_context_updates\":false}",
                "{\"id\":\"other\",\"name\":\"other\",\"allow_context_updates\":true}");

        String suspend = topics.requestBy(null, Topics.SUSPEND_REQUESTED, subscription, serviceId, "standard", null);
        JsonPath suspension = OperatorApi.awaitJobById(suspend, "FAILED");
        String resume = topics.requestBy(null, Topics.RESUME_REQUESTED, subscription, serviceId, "standard", null);
        JsonPath resumption = OperatorApi.awaitJobById(resume, "FAILED");

        assertThat(suspension.getString("failureKind")).isEqualTo("NOT_OFFERED");
        assertThat(suspension.getString("failureReason")).contains("allow_context_updates").contains("locked");
        assertThat(suspension.getList("attempts.action")).containsExactly("CATALOG");
        assertThat(resumption.getString("failureKind")).isEqualTo("NOT_OFFERED");
        assertThat(resumption.getList("attempts")).as("the catalog read for the suspension is kept").isEmpty();
        assertThat(broker.requests("PATCH", subscription)).isEmpty();

        List<Result> results = outbox.results(subscription);
        assertThat(results).extracting(Result::type)
                .containsExactly("de.efa.instance.suspended.v1", "de.efa.instance.resumed.v1");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.value().path("confirmed").asBoolean()).isFalse();
            assertThat(result.field("reason")).contains("allow_context_updates");
        });
        // Nothing was locked there while the tenant was suspended: that is for an operator to look into.
        assertThat(OperatorApi.findingsOf(subscription)).hasSize(1);
        JsonPath finding = OperatorApi.findingOf(subscription, "SUSPENSION_NOT_CONFIRMED");
        assertThat(finding.getString("evidence.jobId")).isEqualTo(suspend);
        assertThat(finding.getMap("evidence")).containsEntry("broker", null);
        assertThat(finding.getString("evidence.reason")).contains("allow_context_updates");
    }

    /** OSB asks the current plan; a plan's own plan_updateable outweighs its service's. */
    @Test
    void aPlanThatMayNotChangeIsNotAskedToAndAChangeOfParametersStillIs() {
        broker.stub(broker.update(subscription).willReturn(json(200, "{}")));
        broker.catalog("""
                {"id":"%s","name":"ours","plan_updateable":true,
                 "plans":[{"id":"standard","name":"standard","plan_updateable":false},{"id":"premium","name":"premium"}]}"""
                .formatted(serviceId));

        String planChange = topics.requestBy(null, Topics.UPDATE_REQUESTED, subscription, serviceId, "premium",
                "standard");
        JsonPath refused = OperatorApi.awaitJobById(planChange, "FAILED");
        String reconfiguration = topics.requestBy(null, Topics.UPDATE_REQUESTED, subscription, serviceId, "standard",
                "standard");
        OperatorApi.awaitJobById(reconfiguration, "SUCCEEDED");

        assertThat(refused.getString("failureKind")).isEqualTo("NOT_OFFERED");
        assertThat(refused.getString("failureReason")).contains("'standard'").contains("plan_updateable");
        assertThat(broker.requests("PATCH", subscription)).hasSize(1);
        List<Result> results = outbox.results(subscription);
        assertThat(results).extracting(r -> r.type() + " " + r.field("jobId")).containsExactly(
                "de.efa.instance.provisioning-started.v1 " + planChange,
                "de.efa.instance.update-failed.v1 " + planChange,
                "de.efa.instance.provisioning-started.v1 " + reconfiguration,
                "de.efa.instance.updated.v1 " + reconfiguration);
        assertThat(results.get(1).value().has("instanceUsable")).as("the broker was not asked").isFalse();
        assertThat(results.get(1).field("reason")).contains("plan_updateable");
    }

    @Test
    void aCatalogThatCannotBeReadIsTriedAgainLikeAnyCall() {
        broker.stub(broker.update(subscription).willReturn(json(200, "{}")));
        String flaky = "catalog-" + subscription;
        broker.stub(broker.catalogRead().inScenario(flaky).whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{}")).willSetStateTo("up"));
        broker.stub(broker.catalogRead().inScenario(flaky).whenScenarioStateIs("up")
                .willReturn(json(200, "{\"services\":[{\"id\":\"x\",\"allow_context_updates\":true}]}")));

        String suspend = topics.requestBy(null, Topics.SUSPEND_REQUESTED, subscription, serviceId, "standard", null);

        JsonPath job = OperatorApi.awaitJobById(suspend, "SUCCEEDED");
        assertThat(job.getList("attempts.action")).containsExactly("CATALOG", "CATALOG", "CONTEXT_UPDATE");
        assertThat(job.getList("attempts.status", Integer.class)).containsExactly(503, 200, 200);
        assertThat(outbox.results(subscription).get(0).value().path("confirmed").asBoolean()).isTrue();
    }

    private static void assertOriginatingIdentity(LoggedRequest call) throws Exception {
        String[] identity = call.getHeader("X-Broker-API-Originating-Identity").split(" ");
        assertThat(identity[0]).isEqualTo("efa-marketplace");
        JsonNode user = JSON.readTree(Base64.getDecoder().decode(identity[1]));
        assertThat(user.path("user_id").asText()).isEqualTo(PERSON);
        assertThat(user.path("ags").asText()).isEqualTo("14713000");
    }
}
