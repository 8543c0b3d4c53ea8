package de.efa.marketplace.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.efa.infra.test.TestTokens;
import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.Brokers;
import de.efa.marketplace.support.InjectWireMock;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Findings that failed jobs leave, once per subscription and kind, and the operator's list and resolving of them
 * (docs/services.md): who may call it, and what it shows and does.
 */
@QuarkusTest
class FindingsTest {

    private static final String PROBLEM = "application/problem+json";

    @InjectWireMock
    WireMockServer wireMock;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    private Topics topics;
    private Brokers broker;
    private UUID serviceId;

    @BeforeEach
    void brokerThatFailsEverything() {
        topics = new Topics(kafka);
        broker = Brokers.fresh(wireMock);
        serviceId = UUID.randomUUID();
        topics.catalogServiceKnown(catalog, serviceId, broker.url(), "standard");
        broker.catalog("{\"id\":\"any\",\"allow_context_updates\":true}");
    }

    /** A provisioning whose orphan mitigation gave up may have left an instance: ORPHAN_LEFT, with its evidence. */
    @Test
    void aProvisioningWhoseCleanupGaveUpLeavesAnOrphanFinding() {
        UUID subscription = UUID.randomUUID();
        broker.stub(broker.provision(subscription).willReturn(json(500, "{}")));
        broker.stub(broker.deprovision(subscription).willReturn(json(500, "{\"description\":\"locked\"}")));

        String provision = topics.request(Topics.REQUESTED, subscription, serviceId, "standard");

        JsonPath job = OperatorApi.awaitJobById(provision, "FAILED");
        assertThat(job.getString("failureKind")).isEqualTo("ORPHAN_LEFT");
        JsonPath finding = OperatorApi.findingOf(subscription, "ORPHAN_LEFT");
        assertThat(finding.getBoolean("evidence.believed.exists")).isFalse();
        assertThat(finding.getString("evidence.broker.request")).startsWith("DELETE ");
        assertThat(finding.getInt("evidence.broker.status")).isEqualTo(500);
        assertThat(finding.getString("evidence.reason")).contains("orphan mitigation did not complete");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("efa_findings_open{kind=\"ORPHAN_LEFT\"}"))
                .body(containsString("efa_findings_open{kind=\"PLAN_DIFFERS\"}"));
    }

    @Test
    void aDifferenceSeenAgainWhileItsFindingIsOpenIsNotRecordedTwiceAndAfterResolvingItIs() {
        UUID subscription = UUID.randomUUID();
        broker.stub(broker.update(subscription).willReturn(json(503, "{}")));

        OperatorApi.awaitJobById(suspend(subscription), "FAILED");
        OperatorApi.awaitJobById(suspend(subscription), "FAILED");
        assertThat(OperatorApi.findingsOf(subscription)).hasSize(1);
        String id = OperatorApi.findingOf(subscription, "SUSPENSION_NOT_CONFIRMED").getString("id");

        operator().contentType("application/json").body("{\"note\":\"provider locked it by hand\"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", id)
                .then().statusCode(200)
                .body("id", equalTo(id)).body("resolvedAt", notNullValue())
                .body("resolvedBy", equalTo("operator operator"))
                .body("note", equalTo("provider locked it by hand"));
        operator().contentType("application/json").body("{\"note\":\"again\"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://efa-marketplace.de/problems/conflict"))
                .body("detail", containsString("resolved already"));

        OperatorApi.awaitJobById(suspend(subscription), "FAILED");
        assertThat(OperatorApi.findingsOf(subscription)).extracting(f -> f.get("note"))
                .containsExactly(null, "provider locked it by hand");
        operator().queryParam("kind", "SUSPENSION_NOT_CONFIRMED").queryParam("resolved", "true").queryParam("size", 100)
                .get("/api/v1/provisioning/findings")
                .then().statusCode(200).body("items.resolvedAt", everyItem(notNullValue()))
                .body("items.kind", everyItem(equalTo("SUSPENSION_NOT_CONFIRMED")))
                .body("items.id", hasItem(id));
        operator().queryParam("resolved", "false").queryParam("size", 100).get("/api/v1/provisioning/findings")
                .then().statusCode(200).body("items.resolvedAt", everyItem(nullValue()))
                .body("items.id", not(hasItem(id)));
    }

    /**
     * The broker confirms a suspension after all, on the operator's retry of the failed job: the finding its failure
     * left no longer holds, and the marketplace resolves it itself, in the job's transaction.
     */
    @Test
    void aRetriedSuspensionThatSucceedsResolvesTheFindingItsFailureLeft() {
        UUID subscription = UUID.randomUUID();

        String job = failedSuspensionRetried(subscription, 200, "SUCCEEDED");

        String id = OperatorApi.findingOf(subscription, "SUSPENSION_NOT_CONFIRMED").getString("id");
        String note = "Resolved by the marketplace: the suspension job " + job
                + " succeeded, the broker has confirmed the lock";
        assertThat(OperatorApi.findingsOf(subscription)).hasSize(1);
        operator().queryParam("kind", "SUSPENSION_NOT_CONFIRMED").queryParam("resolved", "true")
                .queryParam("size", 100).get("/api/v1/provisioning/findings")
                .then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.resolvedAt", notNullValue())
                .body("items.find { it.id == '" + id + "' }.resolvedBy", equalTo("marketplace-service"))
                .body("items.find { it.id == '" + id + "' }.note", equalTo(note));
        OperatorApi.audit("finding:" + id).body("total", equalTo(2))
                .body("items.action", contains("finding.resolve", "finding.record"))
                .body("items.actor", contains("marketplace-service", "marketplace-service"))
                .body("items.actorRole", contains("system", "system"))
                .body("items[0].outcome", equalTo("resolved"))
                .body("items[0].details.note", equalTo(note));
    }

    /** Only a broker's confirmation resolves the finding: a later suspension that fails again leaves it open. */
    @Test
    void aSuspensionThatFailsAgainLeavesTheFindingOpen() {
        UUID subscription = UUID.randomUUID();

        failedSuspensionRetried(subscription, 503, "FAILED");

        assertThat(OperatorApi.findingsOf(subscription)).hasSize(1);
        JsonPath finding = OperatorApi.findingOf(subscription, "SUSPENSION_NOT_CONFIRMED");
        assertThat(finding.getString("resolvedAt")).isNull();
        assertThat(finding.getString("note")).isNull();
        OperatorApi.audit("finding:" + finding.getString("id")).body("total", equalTo(1))
                .body("items.action", contains("finding.record"));
    }

    @Test
    void invalidRequestsAreNamedInOneProblemAndChangeNothing() {
        operator().queryParam("kind", "GONE").queryParam("resolved", "maybe").queryParam("size", 0)
                .get("/api/v1/provisioning/findings")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("kind", "resolved", "size"));
        operator().contentType("application/json").body("{\"note\":\" \"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", "not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("id", "note"));
        operator().contentType("application/json").body("{\"note\":\"" + "x".repeat(2001) + "\"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("note"));
        operator().contentType("application/json").body("{\"note\":\"n\",\"by\":\"me\"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://efa-marketplace.de/problems/unreadable-body"));
        operator().contentType("application/json").body("{\"note\":\"n\"}")
                .post("/api/v1/provisioning/findings/{id}/resolve", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyOperatorsMayListAndResolve() {
        String id = UUID.randomUUID().toString();
        List<Function<RequestSpecification, Response>> calls = List.of(
                r -> r.get("/api/v1/provisioning/findings"),
                r -> r.contentType("application/json").body("{\"note\":\"n\"}")
                        .post("/api/v1/provisioning/findings/{id}/resolve", id));
        for (Function<RequestSpecification, Response> call : calls) {
            call.apply(given()).then().statusCode(401).contentType(PROBLEM)
                    .body("type", equalTo("https://efa-marketplace.de/problems/unauthorized"));
            for (String token : List.of(TestTokens.municipality("14713000"), TestTokens.provider("akdb"),
                    TestTokens.marketplace())) {
                call.apply(given().auth().oauth2(token)).then().statusCode(403).contentType(PROBLEM)
                        .body("type", equalTo("https://efa-marketplace.de/problems/forbidden"));
            }
        }
    }

    /**
     * A suspension the broker fails (503), which leaves its finding open, and the operator's retry of its job, which
     * the broker answers with {@code status}; returns the job once it is {@code finished} again.
     */
    private String failedSuspensionRetried(UUID subscription, int status, String finished) {
        broker.stub(broker.update(subscription).willReturn(json(503, "{}")));
        String job = suspend(subscription);
        OperatorApi.awaitJobById(job, "FAILED");
        assertThat(OperatorApi.findingOf(subscription, "SUSPENSION_NOT_CONFIRMED").getString("resolvedAt")).isNull();

        broker.stub(broker.update(subscription).willReturn(json(status, "{}")));
        operator().post("/api/v1/provisioning/jobs/{id}/retry", job).then().statusCode(200);
        OperatorApi.awaitJobById(job, finished);
        return job;
    }

    private String suspend(UUID subscription) {
        return topics.requestBy(null, Topics.SUSPEND_REQUESTED, subscription, serviceId, "standard", null);
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.operator()).when();
    }
}
