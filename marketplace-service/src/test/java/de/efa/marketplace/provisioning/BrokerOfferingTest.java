package de.efa.marketplace.provisioning;

import com.github.tomakehurst.wiremock.WireMockServer;
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

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static de.efa.marketplace.support.Brokers.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A broker is never asked for what its catalog does not offer; the job fails with that reason instead. */
@QuarkusTest
class BrokerOfferingTest {

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
        broker.stub(broker.update(subscription).willReturn(json(200, "{}")));
    }

    /** The broker lists this service, and its entry decides, whatever another service of it offers. */
    @Test
    void aBrokerWithoutContextUpdatesIsNotAskedToSuspendOrResumeAndNothingIsConfirmed() {
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
        assertThat(results.get(1).value().path("instanceUsable").asBoolean()).isTrue();
        assertThat(results.get(1).field("reason")).contains("plan_updateable");
    }

    @Test
    void aCatalogThatCannotBeReadIsTriedAgainLikeAnyCall() {
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
}
