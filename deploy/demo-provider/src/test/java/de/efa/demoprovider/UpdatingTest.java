package de.efa.demoprovider;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static de.efa.demoprovider.BrokerCalls.BROKER;
import static de.efa.demoprovider.BrokerCalls.asMarketplace;
import static de.efa.demoprovider.BrokerCalls.awaitEnd;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.deprovision;
import static de.efa.demoprovider.BrokerCalls.fetch;
import static de.efa.demoprovider.BrokerCalls.lastOperation;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static de.efa.demoprovider.BrokerCalls.planChange;
import static de.efa.demoprovider.BrokerCalls.provision;
import static de.efa.demoprovider.BrokerCalls.provisioned;
import static de.efa.demoprovider.BrokerCalls.update;
import static de.efa.demoprovider.BrokerCalls.updateToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** OSB v2.17 updates of a provisioned instance: plan and parameters, as the marketplace drives them. */
@QuarkusTest
class UpdatingTest extends QuickOperations {

    private static final String SERVICE = "7c3e5a90-2b4d-4f1e-9a6c-8d0b1e2f3a4c";
    private static final Map<String, Object> NEW_PARAMETERS = Map.of("postfach", "buergerbuero@leipzig.de");

    @Test
    void aPlanChangeIsAcceptedThenSucceedsAndTheInstanceHoldsTheNewPlanAndParameters() {
        String id = provisioned(SERVICE, "standard");

        String operation = update(id, planChange(SERVICE, "standard", "premium", NEW_PARAMETERS))
                .statusCode(202)
                .contentType(ContentType.JSON)
                .body("operation", not(emptyOrNullString()))
                .extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("succeeded");
        lastOperation(id, operation).statusCode(200)
                .body("description", equalTo("The demo SaaS instance has been updated"))
                .body("instance_usable", nullValue());
        assertThat(rows.instanceState(id)).contains("PROVISIONED");
        assertThat(rows.planOf(id)).contains("premium");
        assertThat(rows.parametersOf(id)).isEqualTo(NEW_PARAMETERS);
        assertThat(rows.operationsOf(id)).isEqualTo(2);
        fetch(id).statusCode(200)
                .body("plan_id", equalTo("premium"))
                .body("parameters", equalTo(NEW_PARAMETERS))
                .body("suspended", equalTo(false));
    }

    @Test
    void whatAnUpdateLeavesOutStays() {
        String id = provisioned(SERVICE, "standard");

        assertThat(updateToTheEnd(id, Map.of("service_id", SERVICE, "parameters", NEW_PARAMETERS)))
                .isEqualTo("succeeded");
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.parametersOf(id)).isEqualTo(NEW_PARAMETERS);

        assertThat(updateToTheEnd(id, Map.of("service_id", SERVICE, "plan_id", "premium"))).isEqualTo("succeeded");
        assertThat(rows.planOf(id)).contains("premium");
        assertThat(rows.parametersOf(id)).isEqualTo(NEW_PARAMETERS);
    }

    @Test
    void anUpdateThatChangesNothingIsAnswered200AtOnceAndStartsNothing() {
        String id = provisioned(SERVICE, "standard");
        Map<String, Object> same = planChange(SERVICE, "standard", "standard",
                Map.of("postfach", "buergeramt@leipzig.de", "gebuehrCents", 2500.0));

        update(id, same).statusCode(200).contentType(ContentType.JSON).body("$", anEmptyMap());
        asMarketplace().contentType(ContentType.JSON).body(same)
                .when().patch(BROKER + "/service_instances/{id}", id)
                .then().statusCode(200);

        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }

    @Test
    void withoutAcceptsIncompleteAnUpdateIsAsyncRequiredAndNothingChanges() {
        String id = provisioned(SERVICE, "standard");

        asMarketplace().contentType(ContentType.JSON).body(planChange(SERVICE, "standard", "premium", NEW_PARAMETERS))
                .when().patch(BROKER + "/service_instances/{id}", id)
                .then().statusCode(422)
                .body("error", equalTo("AsyncRequired"))
                .body("description", containsString("accepts_incomplete=true"));

        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }

    @Test
    void anInstanceThatIsUnknownDeletedOrNeverProvisionedIsNotFound() {
        Map<String, Object> change = planChange(SERVICE, "standard", "premium", NEW_PARAMETERS);
        update(newInstanceId(), change).statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("NotFound"))
                .body("description", containsString("does not exist"));

        String deleted = provisioned(SERVICE, "standard");
        awaitEnd(deleted, deprovision(deleted).statusCode(202).extract().path("operation"));
        update(deleted, change).statusCode(404).body("error", equalTo("NotFound"));

        String failed = newInstanceId();
        awaitEnd(failed, provision(failed, body(SERVICE, "standard-fails", "14713000")).statusCode(202)
                .extract().path("operation"));
        update(failed, change).statusCode(404).body("description", containsString("provisioning failed"));
        assertThat(rows.operationsOf(failed)).isEqualTo(1);
    }

    @Test
    void whileAnUpdateRunsItsRepeatGetsItsOperationAndAnythingElseIsAConcurrencyError() {
        String id = provisioned(SERVICE, "standard");
        BrokerCalls.behaveSlowlyProvisioning();
        Map<String, Object> change = planChange(SERVICE, "standard", "premium", NEW_PARAMETERS);

        String first = update(id, change).statusCode(202).extract().path("operation");
        update(id, change).statusCode(202).body("operation", equalTo(first));

        update(id, planChange(SERVICE, "standard", "basis", NEW_PARAMETERS))
                .statusCode(422)
                .body("error", equalTo("ConcurrencyError"))
                .body("description", containsString("being updated"));
        fetch(id).statusCode(422).body("error", equalTo("ConcurrencyError"));
        provision(id, body(SERVICE, "standard", "14713000")).statusCode(422).body("error", equalTo("ConcurrencyError"));
        lastOperation(id, first).statusCode(200)
                .body("state", equalTo("in progress"))
                .body("description", equalTo("Updating the demo SaaS instance"))
                .header("Retry-After", matchesPattern("\\d+"));
        assertThat(rows.instanceState(id)).contains("UPDATING");
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.operationsOf(id)).isEqualTo(2);
    }

    @Test
    void anInstanceBeingProvisionedOrDeprovisionedCannotBeUpdated() {
        BrokerCalls.behaveSlowlyProvisioning();
        String provisioning = newInstanceId();
        provision(provisioning, body(SERVICE, "standard", "14713000")).statusCode(202);

        update(provisioning, planChange(SERVICE, "standard", "premium", NEW_PARAMETERS))
                .statusCode(422)
                .body("error", equalTo("ConcurrencyError"))
                .body("description", containsString("being provisioned"));
        deprovision(provisioning).statusCode(202);
        update(provisioning, planChange(SERVICE, "standard", "premium", NEW_PARAMETERS))
                .statusCode(422)
                .body("description", containsString("being deprovisioned"));

        assertThat(rows.planOf(provisioning)).contains("standard");
        assertThat(rows.operationsOf(provisioning)).isEqualTo(2);
    }

    @Test
    void deprovisioningHaltsARunningUpdate() {
        String id = provisioned(SERVICE, "standard");
        BrokerCalls.behaveSlowlyProvisioning();
        String updating = update(id, planChange(SERVICE, "standard", "premium", NEW_PARAMETERS)).statusCode(202)
                .extract().path("operation");

        BrokerCalls.behaveQuickly();
        String deprovisioning = deprovision(id).statusCode(202).extract().path("operation");

        lastOperation(id, updating).statusCode(200)
                .body("state", equalTo("failed"))
                .body("description", equalTo("The update was halted because the instance is being deprovisioned"))
                .body("instance_usable", equalTo(true));
        assertThat(awaitEnd(id, deprovisioning)).isEqualTo("succeeded");
        assertThat(rows.instanceState(id)).contains("DELETED");
        assertThat(rows.planOf(id)).contains("standard");
    }

    @Test
    void anUpdateToAPlanEndingInFailsFailsAndTheInstanceKeepsItsPlanAndParameters() {
        String id = provisioned(SERVICE, "standard");

        String operation = update(id, planChange(SERVICE, "standard", "premium-fails", NEW_PARAMETERS))
                .statusCode(202).extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("failed");
        lastOperation(id, operation).statusCode(200)
                .body("description", containsString("plan 'premium-fails'"))
                .body("description", containsString("keeps its plan and parameters"))
                .body("instance_usable", equalTo(true));
        assertThat(rows.instanceState(id)).contains("PROVISIONED");
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.parametersOf(id)).containsEntry("postfach", "buergeramt@leipzig.de").hasSize(2);
        fetch(id).statusCode(200).body("plan_id", equalTo("standard")).body("parameters", aMapWithSize(2));
    }

    @Test
    void aMalformedUpdateIsABadRequestNamingTheFieldsAndChangesNothing() {
        String id = provisioned(SERVICE, "standard");

        update(id, Map.of("plan_id", "", "parameters", "not an object", "context", Map.of("suspended", "yes")))
                .statusCode(400)
                .body("error", equalTo("BadRequest"))
                .body("description", containsString("service_id"))
                .body("description", containsString("plan_id"))
                .body("description", containsString("parameters: must be a JSON object"))
                .body("description", containsString("context.suspended: must be true or false"));
        update(id, Map.of("service_id", SERVICE, "context", List.of(1)))
                .statusCode(400).body("description", containsString("context: must be a JSON object"));
        update(id, "{not json").statusCode(400).body("error", equalTo("BadRequest"));
        update(id, Map.of("service_id", "another-service", "plan_id", "premium"))
                .statusCode(400)
                .body("description", containsString("is not the service of instance " + id));

        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }

    @Test
    void unknownFieldsOfTheUpdateAreIgnored() {
        String id = provisioned(SERVICE, "standard");
        Map<String, Object> withExtras = new HashMap<>(planChange(SERVICE, "standard", "premium", NEW_PARAMETERS));
        withExtras.put("maintenance_info", Map.of("version", "1.0.0"));

        update(id, withExtras).statusCode(202);
    }
}
