package de.efa.marketplace.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.efa.infra.test.TestTokens;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.JobRows;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static de.efa.marketplace.support.Brokers.json;
import static de.efa.marketplace.support.OperatorApi.audit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every change to a job or a finding is in the audit trail once, with who made it: an operator, or the marketplace
 * itself for what it does on its own; and nothing that was refused is.
 */
@QuarkusTest
class AuditTest {

    private static final String OPERATOR = "operator";
    private static final String MARKETPLACE = "marketplace-service";
    private static final String PERSON = "3f2a9c1e-7b6d-4e5f-8a9b-0c1d2e3f4a5b";

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    @Inject
    AgroalDataSource dataSource;

    private Topics topics;
    private Brokers broker;
    private UUID serviceId;

    @BeforeEach
    void serviceAtABroker() {
        topics = new Topics(kafka);
        broker = Brokers.fresh(wireMock);
        serviceId = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
    }

    /** A deprovisioning: its subscription waits for the retry of the failed job (docs/state-machines.md). */
    @Test
    void aJobsLifeIsAuditedStepByStepWithItsActorAndRole() {
        UUID subscription = UUID.randomUUID();
        broker.stub(broker.deprovision(subscription).willReturn(json(400, "{\"description\":\"instance locked\"}")));

        String job = topics.requestBy(PERSON, Topics.CANCELLATION_REQUESTED, subscription, serviceId, "standard", null);
        OperatorApi.awaitJobById(job, "FAILED");
        broker.stub(broker.deprovision(subscription).willReturn(json(200, "{}")));
        operator().post("/api/v1/provisioning/jobs/{id}/retry", job).then().statusCode(200);
        OperatorApi.awaitJobById(job, "SUCCEEDED");

        audit("job:" + job).body("total", equalTo(4))
                .body("items.action", contains("job.succeed", "job.retry", "job.fail", "job.create"))
                .body("items.outcome", contains("SUCCEEDED", "PENDING", "FAILED", "created"))
                .body("items.actor", contains(MARKETPLACE, OPERATOR, MARKETPLACE, MARKETPLACE))
                .body("items.actorRole", contains("system", "operator", "system", "system"))
                .body("items.onBehalfOf", everyItem(nullValue()))
                .body("items.target", everyItem(equalTo("job:" + job)))
                .body("items[3].details.operation", equalTo("DEPROVISION"))
                .body("items[3].details.subscriptionId", equalTo(subscription.toString()))
                .body("items[3].details.originatingUserId", equalTo(PERSON))
                .body("items[2].details.reason", startsWith("the broker refused the request with 400"))
                .body("items[1].details", nullValue());
    }

    @Test
    void aRefusedRetryWritesNoEntry() {
        JobRows rows = new JobRows(dataSource);
        UUID subscription = UUID.randomUUID();
        UUID superseded = rows.insert(subscription, serviceId, broker.url(), "PROVISION", "FAILED", "standard");
        UUID succeeded = rows.insert(subscription, serviceId, broker.url(), "UPDATE", "SUCCEEDED", "premium");

        operator().post("/api/v1/provisioning/jobs/{id}/retry", succeeded).then().statusCode(409);
        operator().post("/api/v1/provisioning/jobs/{id}/retry", superseded).then().statusCode(409);

        audit("job:" + succeeded).body("total", equalTo(0));
        audit("job:" + superseded).body("total", equalTo(0));
    }

    /** A suspension the broker does not confirm leaves a finding, which an operator resolves, once. */
    @Test
    void aFindingAJobRecordedAndAnOperatorResolvedIsAuditedOnce() {
        UUID subscription = UUID.randomUUID();
        broker.catalog("{\"id\":\"any\",\"allow_context_updates\":true}");
        broker.stub(broker.update(subscription).willReturn(json(503, "{}")));
        String job = topics.requestBy(null, Topics.SUSPEND_REQUESTED, subscription, serviceId, "standard", null);
        OperatorApi.awaitJobById(job, "FAILED");
        String finding = OperatorApi.findingOf(subscription, "SUSPENSION_NOT_CONFIRMED").getString("id");

        operator().contentType("application/json").body("{\"note\":\"the provider locked it by hand\"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", finding).then().statusCode(200);
        operator().contentType("application/json").body("{\"note\":\"again\"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", finding).then().statusCode(409);

        audit("finding:" + finding).body("total", equalTo(2))
                .body("items.action", contains("finding.resolve", "finding.record"))
                .body("items.outcome", contains("resolved", "open"))
                .body("items.actor", contains(OPERATOR, MARKETPLACE))
                .body("items.actorRole", contains("operator", "system"))
                .body("items[0].details.note", equalTo("the provider locked it by hand"))
                .body("items[1].details.kind", equalTo("SUSPENSION_NOT_CONFIRMED"))
                .body("items[1].details.subscriptionId", equalTo(subscription.toString()))
                .body("items[1].details.foundBy", equalTo("job:" + job));
        audit("job:" + job).body("items.action", contains("job.fail", "job.create"))
                .body("items[1].details.operation", equalTo("SUSPEND"))
                .body("items[1].details", hasKey("originatingUserId"))
                .body("items[1].details.originatingUserId", nullValue());
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.operator()).when();
    }
}
