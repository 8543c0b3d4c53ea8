package de.efa.demoprovider;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

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
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** /instances: what the provider holds, and removing an instance behind the platform's back, for tests and operators. */
@QuarkusTest
class InstanceListingTest extends QuickOperations {

    private final String service = UUID.randomUUID().toString();

    @Test
    void listsLiveInstancesWithTheirAttributesNewestFirst() {
        String leipzig = newInstanceId();
        awaitEnd(leipzig, provision(leipzig, body(service, "standard", "14713000")).statusCode(202)
                .extract().path("operation"));
        String koeln = newInstanceId();
        provision(koeln, body(service, "premium", "05315000")).statusCode(202);

        given().auth().oauth2(TestTokens.marketplace()).queryParam("service_id", service)
                .when().get("/instances")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.instance_id", contains(koeln, leipzig))
                .body("items[1].service_id", equalTo(service))
                .body("items[1].plan_id", equalTo("standard"))
                .body("items[1].state", equalTo("PROVISIONED"))
                .body("items[1].context.ags", equalTo("14713000"))
                .body("items[1].context.tenant_name", equalTo("Leipzig, Stadt"))
                .body("items[1].parameters.postfach", equalTo("buergeramt@leipzig.de"))
                .body("items[1].suspended", equalTo(false))
                .body("items[1].dashboard_url", equalTo("http://localhost:8090/dashboard/" + leipzig))
                .body("items[1].created_at", notNullValue());
    }

    @Test
    void filtersByAgsAndStateAndLeavesDeletedInstancesOut() {
        String kept = newInstanceId();
        awaitEnd(kept, provision(kept, body(service, "standard", "15002000")).statusCode(202).extract().path("operation"));
        String removed = newInstanceId();
        awaitEnd(removed, provision(removed, body(service, "standard", "15002000")).statusCode(202)
                .extract().path("operation"));
        awaitEnd(removed, deprovision(removed).statusCode(202).extract().path("operation"));

        given().auth().oauth2(TestTokens.operator())
                .queryParam("ags", "15002000").queryParam("service_id", service)
                .when().get("/instances")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.instance_id", contains(kept));
        given().auth().oauth2(TestTokens.operator())
                .queryParam("service_id", service).queryParam("state", "DELETED")
                .when().get("/instances")
                .then().statusCode(200)
                .body("items.instance_id", contains(removed));
    }

    @Test
    void pagesThroughTheList() {
        for (int i = 0; i < 3; i++) {
            provision(newInstanceId(), body(service, "standard", "14713000")).statusCode(202);
        }

        given().auth().oauth2(TestTokens.operator())
                .queryParam("service_id", service).queryParam("page", 1).queryParam("size", 2)
                .when().get("/instances")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(1));
    }

    @Test
    void badListParametersAreAProblemNamingThem() {
        given().auth().oauth2(TestTokens.operator())
                .queryParam("page", -1).queryParam("size", 500).queryParam("state", "RUNNING")
                .when().get("/instances")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItems("page", "size"));
        given().auth().oauth2(TestTokens.operator()).queryParam("state", "RUNNING")
                .when().get("/instances")
                .then().statusCode(400)
                .body("violations.field", contains("state"));
        given().auth().oauth2(TestTokens.operator()).queryParam("size", "many")
                .when().get("/instances")
                .then().statusCode(400);
        // Deep enough to overflow an int offset, were it not refused.
        given().auth().oauth2(TestTokens.operator()).queryParam("page", 21_474_837).queryParam("size", 100)
                .when().get("/instances")
                .then().statusCode(400)
                .body("violations.field", contains("page"));
        given().auth().oauth2(TestTokens.operator()).urlEncodingEnabled(false)
                .queryParam("ags", "1471%003000").queryParam("service_id", "a%00").queryParam("plan_id", "%01")
                .when().get("/instances")
                .then().statusCode(400)
                .body("violations.field", hasItems("ags", "service_id", "plan_id"));
    }

    @Test
    void showsThePlanAndParametersAnUpdateGaveTheInstance() {
        String id = provisioned(service, "standard");
        awaitEnd(id, update(id, planChange(service, "standard", "premium", Map.of("postfach", "neu@leipzig.de")))
                .statusCode(202).extract().path("operation"));

        given().auth().oauth2(TestTokens.operator()).queryParam("service_id", service)
                .when().get("/instances")
                .then().statusCode(200)
                .body("items.instance_id", contains(id))
                .body("items[0].plan_id", equalTo("premium"))
                .body("items[0].parameters", equalTo(Map.of("postfach", "neu@leipzig.de")))
                .body("items[0].suspended", equalTo(false));
    }

    @Test
    void anOperatorRemovesAnInstanceBehindThePlatformsBack() {
        String id = provisioned(service, "standard");

        given().auth().oauth2(TestTokens.operator()).when().delete("/instances/{id}", id)
                .then().statusCode(204);

        assertThat(rows.instanceState(id)).contains("DELETED");
        fetch(id).statusCode(404).body("error", equalTo("NotFound"));
        deprovision(id).statusCode(410);
        lastOperation(id, null).statusCode(200)
                .body("state", equalTo("succeeded"))
                .body("description", containsString("removed at the provider"));
        given().auth().oauth2(TestTokens.operator()).queryParam("service_id", service)
                .when().get("/instances")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.operator()).when().delete("/instances/{id}", id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/not-found"))
                .body("detail", containsString(id));
    }

    @Test
    void aRemovalHaltsTheOperationThatRunsSoThatItNeverEnds() {
        BrokerCalls.behaveSlowlyProvisioning();
        String id = newInstanceId();
        String provisioning = provision(id, body(service, "standard", "14713000")).statusCode(202)
                .extract().path("operation");

        given().auth().oauth2(TestTokens.operator()).when().delete("/instances/{id}", id)
                .then().statusCode(204);

        lastOperation(id, provisioning).statusCode(200)
                .body("state", equalTo("failed"))
                .body("description", equalTo("Provisioning was halted because the instance was removed at the"
                        + " provider"));
        assertThat(rows.instanceState(id)).contains("DELETED");
        assertThat(rows.operationsOf(id)).isEqualTo(2);
    }

    @Test
    void removingAnUnknownInstanceIsNotFound() {
        given().auth().oauth2(TestTokens.operator()).when().delete("/instances/{id}", newInstanceId())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.operator()).urlEncodingEnabled(false).when().delete("/instances/bad%00id")
                .then().statusCode(400).body("violations.field", contains("instance_id"));
    }

    @Test
    void onlyOperatorsMayRemoveAnInstance() {
        String id = provisioned(service, "standard");

        given().when().delete("/instances/{id}", id).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.marketplace()).when().delete("/instances/{id}", id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.municipality("14713000")).when().delete("/instances/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.provider("akdb")).when().delete("/instances/{id}", id)
                .then().statusCode(403);

        assertThat(rows.instanceState(id)).contains("PROVISIONED");
    }

    @Test
    void onlyTheMarketplaceAndOperatorsMayList() {
        given().when().get("/instances").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.municipality("14713000")).when().get("/instances").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provider("akdb")).when().get("/instances").then().statusCode(403);
    }
}
