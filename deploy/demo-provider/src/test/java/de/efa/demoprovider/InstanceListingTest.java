package de.efa.demoprovider;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static de.efa.demoprovider.BrokerCalls.awaitEnd;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.deprovision;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static de.efa.demoprovider.BrokerCalls.provision;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** GET /instances: what the provider holds, for end-to-end tests and operators. */
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
        given().auth().oauth2(TestTokens.operator()).urlEncodingEnabled(false)
                .queryParam("ags", "1471%003000").queryParam("service_id", "a%00").queryParam("plan_id", "%01")
                .when().get("/instances")
                .then().statusCode(400)
                .body("violations.field", hasItems("ags", "service_id", "plan_id"));
    }

    @Test
    void onlyTheMarketplaceAndOperatorsMayList() {
        given().when().get("/instances").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.municipality("14713000")).when().get("/instances").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provider("akdb")).when().get("/instances").then().statusCode(403);
    }
}
