package de.efa.demoprovider;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;


import static de.efa.demoprovider.BrokerCalls.awaitEnd;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.deprovision;
import static de.efa.demoprovider.BrokerCalls.fetch;
import static de.efa.demoprovider.BrokerCalls.lastOperation;
import static de.efa.demoprovider.BrokerCalls.provision;
import static de.efa.demoprovider.BrokerCalls.provisioned;
import static de.efa.demoprovider.BrokerCalls.suspension;
import static de.efa.demoprovider.BrokerCalls.update;
import static de.efa.demoprovider.BrokerCalls.updateToTheEnd;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Suspension through OSB context updates ({@code "suspended": true|false}, an extension of this marketplace's OSB
 * profile), and the locked dashboard of a suspended instance.
 */
@QuarkusTest
class SuspensionTest extends QuickOperations {

    private static final String SERVICE = "e4a1c6b2-9d3f-4e7a-8b5c-0f1d2e3a4b5c";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aContextUpdateLocksTheInstanceWithoutChangingPlanOrParametersAndAnotherUnlocksIt() {
        String id = provisioned(SERVICE, "standard");

        String operation = update(id, suspension(SERVICE, "standard", true)).statusCode(202)
                .extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("succeeded");
        assertThat(rows.suspendedOf(id)).contains("true");
        assertThat(rows.instanceState(id)).contains("PROVISIONED");
        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.parametersOf(id)).containsEntry("postfach", "buergeramt@leipzig.de").hasSize(2);
        fetch(id).statusCode(200).body("suspended", equalTo(true)).body("plan_id", equalTo("standard"));
        given().header("Accept", BROWSER_ACCEPT).when().get("/dashboard/{id}", id).then().statusCode(423);

        assertThat(updateToTheEnd(id, suspension(SERVICE, "standard", false))).isEqualTo("succeeded");
        assertThat(rows.suspendedOf(id)).contains("false");
        fetch(id).statusCode(200).body("suspended", equalTo(false));
        given().header("Accept", BROWSER_ACCEPT).when().get("/dashboard/{id}", id).then().statusCode(200)
                .body(containsString("Leipzig, Stadt"));
    }

    @Test
    void aBrowserIsToldInGermanWhyTheDashboardIsLockedAnyOtherCallerGetsAProblem() {
        String id = suspended();

        given().header("Accept", BROWSER_ACCEPT).when().get("/dashboard/{id}", id)
                .then().statusCode(423)
                .contentType(containsString("text/html"))
                .body(containsString("lang=\"de\""))
                .body(containsString("Dieser Dienst ist vorübergehend gesperrt"))
                .body(containsString("Betreiber des EfA-Marktplatzes"))
                .body(containsString("Leipzig, Stadt"))
                .body(not(containsString("buergeramt@leipzig.de")));
        given().accept(ContentType.JSON).when().get("/dashboard/{id}", id)
                .then().statusCode(423)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/locked"))
                .body("title", equalTo("Locked"))
                .body("status", equalTo(423))
                .body("detail", containsString("suspended"))
                .body("instance", equalTo("/dashboard/" + id));
        given().when().get("/dashboard/{id}", id)
                .then().statusCode(423).contentType("application/problem+json");
    }

    @Test
    void theLockTakesEffectWhenTheContextUpdateHasSucceeded() {
        String id = provisioned(SERVICE, "standard");
        BrokerCalls.behaveSlowlyProvisioning();

        update(id, suspension(SERVICE, "standard", true)).statusCode(202);

        assertThat(rows.instanceState(id)).contains("UPDATING");
        assertThat(rows.suspendedOf(id)).contains("false");
        given().when().get("/dashboard/{id}", id).then().statusCode(200);
    }

    @Test
    void suspendingASuspendedInstanceChangesNothing() {
        String id = suspended();

        update(id, suspension(SERVICE, "standard", true)).statusCode(200).body("$", anEmptyMap());

        assertThat(rows.operationsOf(id)).isEqualTo(2);
    }

    @Test
    void aFailedContextUpdateLeavesTheInstanceUnlocked() {
        String id = provisioned(SERVICE, "standard");
        BrokerCalls.behaveWithFailingUpdates(SERVICE, true);

        String operation = update(id, suspension(SERVICE, "standard", true)).statusCode(202)
                .extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("failed");
        lastOperation(id, operation).statusCode(200).body("instance_usable", equalTo(true));
        assertThat(rows.suspendedOf(id)).contains("false");
        given().when().get("/dashboard/{id}", id).then().statusCode(200);
    }

    @Test
    void theListingShowsWhetherAnInstanceIsSuspended() {
        String id = suspended();

        given().auth().oauth2(TestTokens.operator()).queryParam("service_id", SERVICE)
                .when().get("/instances")
                .then().statusCode(200)
                .body("items.find { it.instance_id == '" + id + "' }.suspended", equalTo(true))
                .body("items.find { it.instance_id == '" + id + "' }.plan_id", equalTo("standard"))
                .body("items.find { it.instance_id == '" + id + "' }.context.suspended", equalTo(null));
    }

    @Test
    void aSuspendedInstanceCanBeDeprovisionedAndIsUnlockedWhenProvisionedAnew() {
        String id = suspended();

        assertThat(awaitEnd(id, deprovision(id).statusCode(202).extract().path("operation"))).isEqualTo("succeeded");
        given().when().get("/dashboard/{id}", id).then().statusCode(200).body(containsString("DELETED"));

        assertThat(awaitEnd(id, provision(id, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation"))).isEqualTo("succeeded");
        assertThat(rows.suspendedOf(id)).contains("false");
        fetch(id).statusCode(200).body("suspended", equalTo(false));
    }

    private String suspended() {
        String id = provisioned(SERVICE, "standard");
        assertThat(updateToTheEnd(id, suspension(SERVICE, "standard", true))).isEqualTo("succeeded");
        return id;
    }
}
