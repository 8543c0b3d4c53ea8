package de.efa.marketplace.support;

import de.efa.infra.test.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Waits until the job with this id (the ce_id of the request it was made for) has the status; returns it. */
    public static JsonPath awaitJobById(String id, String status) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jobIfAny(id).map(job -> job.getString("status")).orElse(null), equalTo(status));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the job " + id + " did not become " + status + ": "
                    + jobIfAny(id).map(JsonPath::prettify).orElse("no job"), e);
        }
        return job(id);
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

    /** The findings of this subscription, newest first, as the operator lists them (among the newest 100). */
    public static List<Map<String, Object>> findingsOf(UUID subscription) {
        return findingsPage().getList("items.findAll { it.subscriptionId == '" + subscription + "' }");
    }

    /** The newest finding of this kind of the subscription, read from its root; it must be there. */
    public static JsonPath findingOf(UUID subscription, String kind) {
        JsonPath finding = findingsPage().setRootPath(
                "items.find { it.subscriptionId == '" + subscription + "' && it.kind == '" + kind + "' }");
        if (finding.getString("id") == null) {
            throw new AssertionError("no finding " + kind + " of the subscription " + subscription);
        }
        return finding;
    }

    private static JsonPath findingsPage() {
        return given().auth().oauth2(TestTokens.operator()).queryParam("size", 100)
                .when().get("/api/v1/provisioning/findings")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The audit entries of a resource ({@code job:<uuid>}), newest first, as the operator reads them. */
    public static ValidatableResponse audit(String target) {
        return given().auth().oauth2(TestTokens.operator()).queryParam("target", target)
                .when().get("/api/v1/audit")
                .then().statusCode(200).contentType("application/json");
    }

    public static JsonPath job(String id) {
        return given().auth().oauth2(TestTokens.operator())
                .when().get("/api/v1/provisioning/jobs/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Optional<JsonPath> jobIfAny(String id) {
        ExtractableResponse<Response> answer = given().auth().oauth2(TestTokens.operator())
                .when().get("/api/v1/provisioning/jobs/{id}", id)
                .then().extract();
        return answer.statusCode() == 404 ? Optional.empty() : Optional.of(answer.jsonPath());
    }
}
