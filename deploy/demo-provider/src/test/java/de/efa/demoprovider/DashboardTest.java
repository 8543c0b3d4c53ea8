package de.efa.demoprovider;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static de.efa.demoprovider.BrokerCalls.provision;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The page behind dashboard_url. */
@QuarkusTest
class DashboardTest extends QuickOperations {

    @Test
    void showsWhoTheInstanceIsForWithoutItsConfiguration() {
        String id = newInstanceId();
        String dashboard = provision(id, body("s", "standard", "14713000")).statusCode(202)
                .extract().path("dashboard_url");

        given().when().get(dashboard.replace("http://localhost:8090", ""))
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Leipzig, Stadt"))
                .body(containsString("14713000"))
                .body(containsString(id))
                .body(not(containsString("buergeramt@leipzig.de")));
    }

    @Test
    void escapesWhatThePlatformSent() {
        String id = newInstanceId();
        Map<String, Object> request = new HashMap<>(body("s", "standard", "14713000"));
        request.put("context", Map.of("tenant_name", "<script>alert(1)</script>", "ags", "14713000"));
        provision(id, request).statusCode(202);

        given().when().get("/dashboard/{id}", id)
                .then().statusCode(200)
                .body(not(containsString("<script>")))
                .body(containsString("&lt;script&gt;"));
    }

    @Test
    void anUnknownInstanceIsNotFoundAsAPageForABrowserAndAsAProblemForAProgram() {
        String unknown = newInstanceId();
        given().accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").when().get("/dashboard/{id}", unknown)
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("has no instance"));
        given().when().get("/dashboard/{id}", unknown)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", containsString(unknown));
        given().accept("text/html;q=0, application/json").when().get("/dashboard/{id}", unknown)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anIdWithAControlCharacterIsABadRequest() {
        given().urlEncodingEnabled(false).when().get("/dashboard/bad%00id")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("instance_id"));
    }
}
