package de.efa.marketplace.support;

import de.efa.infra.test.TestTokens;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The operator API as a test reads it. */
public final class OperatorApi {

    private OperatorApi() {
    }

    /** Waits until the only job of this (test-owned) service has the status; returns it with its attempts. */
    public static JsonPath awaitJob(UUID serviceId, String status) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jobsOf(serviceId).getString("items[0].status"), equalTo(status));
        } catch (ConditionTimeoutException e) {
            String id = jobsOf(serviceId).getString("items[0].id");
            throw new AssertionError("the job of service " + serviceId + " did not become " + status + ": "
                    + (id == null ? "no job" : job(id).prettify()), e);
        }
        return job(jobsOf(serviceId).getString("items[0].id"));
    }

    public static JsonPath jobsOf(UUID serviceId) {
        return given().auth().oauth2(TestTokens.operator()).queryParam("serviceId", serviceId.toString())
                .when().get("/api/v1/provisioning/jobs")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The dead letter (a parked record) with this key, as the operator lists it; it must be there. */
    public static Map<String, Object> deadLetter(String key) {
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.operator()).queryParam("size", 100)
                .when().get("/api/v1/provisioning/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> key.equals(item.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter with the key " + key));
    }

    public static JsonPath job(String id) {
        return given().auth().oauth2(TestTokens.operator())
                .when().get("/api/v1/provisioning/jobs/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }
}
