package de.efa.demoprovider;

import de.efa.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** One provider's broker as the marketplace calls it: its own path, with the marketplace's token for that broker. */
final class Broker {

    private final String provider;
    private final String path;
    private final String token;

    Broker(String provider) {
        this.provider = provider;
        this.path = "/brokers/" + provider + "/v2";
        this.token = TestTokens.marketplaceAtBroker(provider);
    }

    String provider() {
        return provider;
    }

    String path() {
        return path;
    }

    String token() {
        return token;
    }

    RequestSpecification asMarketplace() {
        return given().auth().oauth2(token).header("X-Broker-API-Version", BrokerCalls.VERSION);
    }

    ValidatableResponse provision(String instanceId, Object body) {
        return asMarketplace().contentType(ContentType.JSON).body(body)
                .queryParam("accepts_incomplete", true)
                .when().put(path + "/service_instances/{id}", instanceId)
                .then();
    }

    ValidatableResponse update(String instanceId, Object body) {
        return asMarketplace().contentType(ContentType.JSON).body(body)
                .queryParam("accepts_incomplete", true)
                .when().patch(path + "/service_instances/{id}", instanceId)
                .then();
    }

    ValidatableResponse fetch(String instanceId) {
        return asMarketplace().when().get(path + "/service_instances/{id}", instanceId).then();
    }

    ValidatableResponse lastOperation(String instanceId, String operation) {
        RequestSpecification request = asMarketplace();
        if (operation != null) {
            request.queryParam("operation", operation);
        }
        return request.when().get(path + "/service_instances/{id}/last_operation", instanceId).then();
    }

    ValidatableResponse deprovision(String instanceId) {
        return asMarketplace()
                .queryParam("accepts_incomplete", true)
                .queryParam("service_id", "any-service")
                .queryParam("plan_id", "any-plan")
                .when().delete(path + "/service_instances/{id}", instanceId)
                .then();
    }

    /** Polls like a platform until the operation has ended; returns its final state. */
    String awaitEnd(String instanceId, String operation) {
        String[] state = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            state[0] = lastOperation(instanceId, operation).statusCode(200).extract().path("state");
            return !"in progress".equals(state[0]);
        });
        return state[0];
    }
}
