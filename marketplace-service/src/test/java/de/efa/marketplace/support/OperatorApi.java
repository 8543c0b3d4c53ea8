package de.efa.marketplace.support;

import de.efa.infra.test.TestTokens;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
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

    public static JsonPath job(String id) {
        return given().auth().oauth2(TestTokens.operator())
                .when().get("/api/v1/provisioning/jobs/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }
}
