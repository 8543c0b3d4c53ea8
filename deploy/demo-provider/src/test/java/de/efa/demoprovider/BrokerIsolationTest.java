package de.efa.demoprovider;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.demoprovider.BrokerCalls.AKDB;
import static de.efa.demoprovider.BrokerCalls.DATAPORT;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static de.efa.demoprovider.BrokerCalls.planChange;
import static de.efa.demoprovider.BrokerCalls.suspension;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each provider's broker path is a broker of its own (docs/services.md, "Demo provider"): it knows only the instances
 * provisioned through it. Another broker answers for them as OSB answers for an instance that does not exist there,
 * and changes nothing of them, although the marketplace's token for that broker is valid.
 */
@QuarkusTest
class BrokerIsolationTest extends QuickOperations {

    private static final String SERVICE = "7e3b1c2d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    @Test
    void anInstanceBelongsToTheBrokerItWasProvisionedThrough() {
        String id = newInstanceId();
        AKDB.awaitEnd(id, AKDB.provision(id, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation"));

        assertThat(rows.providerOf(id)).contains("akdb");
        given().auth().oauth2(TestTokens.operator()).queryParam("service_id", SERVICE).when().get("/instances")
                .then().statusCode(200)
                .body("items.findAll { it.instance_id == '" + id + "' }.provider_id", contains("akdb"));
    }

    @Test
    void anotherBrokerCannotReadUpdatePollOrDeprovisionTheInstance() {
        String id = newInstanceId();
        String provisioning = AKDB.provision(id, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation");
        assertThat(AKDB.awaitEnd(id, provisioning)).isEqualTo("succeeded");

        DATAPORT.fetch(id).statusCode(404).body("error", equalTo("NotFound"));
        DATAPORT.update(id, planChange(SERVICE, "standard", "premium", Map.of("postfach", "fremd@example.de")))
                .statusCode(404).body("error", equalTo("NotFound"));
        DATAPORT.update(id, suspension(SERVICE, "standard", true)).statusCode(404).body("error", equalTo("NotFound"));
        DATAPORT.lastOperation(id, null).statusCode(410).body("$", anEmptyMap());
        DATAPORT.lastOperation(id, provisioning).statusCode(410).body("$", anEmptyMap());
        DATAPORT.lastOperation(id, UUID.randomUUID().toString()).statusCode(410).body("$", anEmptyMap());
        DATAPORT.deprovision(id).statusCode(410).body("$", anEmptyMap());

        assertUnchangedAtAkdb(id, "PROVISIONED", 1);
        AKDB.fetch(id).statusCode(200).body("plan_id", equalTo("standard")).body("suspended", equalTo(false));
        AKDB.lastOperation(id, provisioning).statusCode(200).body("state", equalTo("succeeded"));
        assertThat(AKDB.awaitEnd(id, AKDB.update(id, planChange(SERVICE, "standard", "premium",
                Map.of("postfach", "neu@leipzig.de"))).statusCode(202).extract().path("operation")))
                .isEqualTo("succeeded");
        assertThat(AKDB.awaitEnd(id, AKDB.deprovision(id).statusCode(202).extract().path("operation")))
                .isEqualTo("succeeded");
        assertThat(rows.instanceState(id)).contains("DELETED");
    }

    /** The instance id is the platform's and one row holds it: the other broker gets OSB's 409, not the instance. */
    @Test
    void provisioningAnIdThatAnotherBrokerHoldsIsAConflictThatTouchesNothing() {
        BrokerCalls.behaveSlowlyProvisioning();
        String id = newInstanceId();
        String provisioning = AKDB.provision(id, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation");

        DATAPORT.provision(id, body(SERVICE, "standard", "14713000")).statusCode(409)
                .body("error", equalTo("Conflict"));
        DATAPORT.provision(id, body(SERVICE, "premium", "05315000")).statusCode(409)
                .body("error", equalTo("Conflict"));

        assertUnchangedAtAkdb(id, "PROVISIONING", 1);
        AKDB.provision(id, body(SERVICE, "standard", "14713000")).statusCode(202)
                .body("operation", equalTo(provisioning));
    }

    @Test
    void aDeprovisionedInstanceIsNotProvisionedAgainThroughAnotherBroker() {
        String id = newInstanceId();
        AKDB.awaitEnd(id, AKDB.provision(id, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation"));
        String deprovisioning = AKDB.deprovision(id).statusCode(202).extract().path("operation");
        assertThat(AKDB.awaitEnd(id, deprovisioning)).isEqualTo("succeeded");

        DATAPORT.provision(id, body(SERVICE, "standard", "14713000")).statusCode(409)
                .body("error", equalTo("Conflict"));

        assertUnchangedAtAkdb(id, "DELETED", 2);
        AKDB.lastOperation(id, deprovisioning).statusCode(200).body("state", equalTo("succeeded"));
    }

    /**
     * Rows from before the brokers kept their instances apart never recorded their path (docs/services.md, "Demo
     * provider"): every broker knows them, as then, so that a local stack's kept data goes on working.
     */
    @Test
    void anInstanceFromBeforeBrokersPerProviderIsKnownAtEveryBroker() {
        String id = newInstanceId();
        UUID provisioning = UUID.randomUUID();
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        rows.insertRunningProvisioning(null, id, provisioning, before, before.plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(rows.instanceState(id)).contains("PROVISIONED"));

        for (Broker broker : List.of(AKDB, DATAPORT)) {
            broker.fetch(id).statusCode(200);
            broker.lastOperation(id, provisioning.toString()).statusCode(200).body("state", equalTo("succeeded"));
        }
        assertThat(rows.providerOf(id)).isEmpty();
        DATAPORT.deprovision(id).statusCode(202);
    }

    private void assertUnchangedAtAkdb(String id, String state, long operations) {
        assertThat(rows.instanceState(id)).contains(state);
        assertThat(rows.providerOf(id)).contains("akdb");
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.suspendedOf(id)).contains("false");
        assertThat(rows.parametersOf(id)).containsEntry("postfach", "buergeramt@leipzig.de");
        assertThat(rows.operationsOf(id)).isEqualTo(operations);
    }
}
