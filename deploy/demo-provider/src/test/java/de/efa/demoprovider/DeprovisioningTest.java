package de.efa.demoprovider;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static de.efa.demoprovider.BrokerCalls.BROKER;
import static de.efa.demoprovider.BrokerCalls.asMarketplace;
import static de.efa.demoprovider.BrokerCalls.awaitEnd;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.deprovision;
import static de.efa.demoprovider.BrokerCalls.lastOperation;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static de.efa.demoprovider.BrokerCalls.provision;
import static de.efa.demoprovider.BrokerCalls.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** OSB v2.17 deprovisioning, including the orphan mitigation a platform does after a failed provisioning. */
@QuarkusTest
class DeprovisioningTest extends QuickOperations {

    private static final String SERVICE = "b2f7d0c4-6c1e-4f0a-8d5b-3e9a7c1d2f40";

    @Test
    void aProvisionedInstanceIsDeprovisionedAsynchronouslyAndThenGone() {
        String id = provisioned(SERVICE, "standard");

        String operation = deprovision(id).statusCode(202).extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("succeeded");
        lastOperation(id, operation).body("description", equalTo("The demo SaaS instance has been removed"));
        assertThat(rows.instanceState(id)).contains("DELETED");
        deprovision(id).statusCode(410).body(equalTo("{}"));
        asMarketplace().when().get(BROKER + "/service_instances/{id}", id).then().statusCode(404);
    }

    @Test
    void aRepeatWhileDeprovisioningRunsGetsTheSameOperationAndProvisioningMustWait() {
        String id = provisioned(SERVICE, "standard");
        BrokerCalls.behaveSlowlyProvisioning();

        String first = deprovision(id).statusCode(202).extract().path("operation");
        deprovision(id).statusCode(202).body("operation", equalTo(first));

        provision(id, body(SERVICE, "standard", "14713000"))
                .statusCode(422)
                .body("error", equalTo("ConcurrencyError"))
                .body("description", containsString("being deprovisioned"));
        asMarketplace().when().get(BROKER + "/service_instances/{id}", id).then().statusCode(422)
                .body("error", equalTo("ConcurrencyError"));
        assertThat(rows.instanceState(id)).contains("DEPROVISIONING");
        assertThat(rows.operationsOf(id)).isEqualTo(2);
    }

    @Test
    void deprovisioningDuringProvisioningHaltsIt() {
        BrokerCalls.behaveSlowlyProvisioning();
        String id = newInstanceId();
        String provisioning = provision(id, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation");

        BrokerCalls.behaveQuickly();
        String deprovisioning = deprovision(id).statusCode(202).extract().path("operation");

        assertThat(deprovisioning).isNotEqualTo(provisioning);
        lastOperation(id, provisioning).statusCode(200)
                .body("state", equalTo("failed"))
                .body("description", containsString("halted"));
        assertThat(awaitEnd(id, deprovisioning)).isEqualTo("succeeded");
        assertThat(rows.instanceState(id)).contains("DELETED");
    }

    @Test
    void orphanMitigationAfterAFailedProvisioningRemovesTheInstance() {
        String id = newInstanceId();
        String provisioning = provision(id, body(SERVICE, "standard-fails", "14713000")).statusCode(202)
                .extract().path("operation");
        assertThat(awaitEnd(id, provisioning)).isEqualTo("failed");

        String deprovisioning = deprovision(id).statusCode(202).extract().path("operation");

        assertThat(awaitEnd(id, deprovisioning)).isEqualTo("succeeded");
        assertThat(rows.instanceState(id)).contains("DELETED");
    }

    @Test
    void aDeletedInstanceCanBeProvisionedAgainAsANewOne() {
        String id = provisioned(SERVICE, "standard");
        awaitEnd(id, deprovision(id).statusCode(202).extract().path("operation"));

        String operation = provision(id, body(SERVICE, "premium", "14713000")).statusCode(202)
                .extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("succeeded");
        assertThat(rows.planOf(id)).contains("premium");
    }

    @Test
    void anUnknownInstanceIsGone() {
        String id = newInstanceId();

        deprovision(id).statusCode(410).contentType(ContentType.JSON).body(equalTo("{}"));

        assertThat(rows.instanceState(id)).isEmpty();
    }

    @Test
    void withoutAcceptsIncompleteOrOsbHintsNothingIsDeprovisioned() {
        String id = provisioned(SERVICE, "standard");

        asMarketplace().queryParam("service_id", SERVICE).queryParam("plan_id", "standard")
                .when().delete(BROKER + "/service_instances/{id}", id)
                .then().statusCode(422).body("error", equalTo("AsyncRequired"));
        asMarketplace().queryParam("accepts_incomplete", true)
                .when().delete(BROKER + "/service_instances/{id}", id)
                .then().statusCode(400)
                .body("error", equalTo("BadRequest"))
                .body("description", containsString("service_id"))
                .body("description", containsString("plan_id"));

        assertThat(rows.instanceState(id)).contains("PROVISIONED");
        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }
}
