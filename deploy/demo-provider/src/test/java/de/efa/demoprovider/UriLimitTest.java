package de.efa.demoprovider;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static de.efa.demoprovider.BrokerCalls.BROKER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A URI longer than any of the provider's endpoints needs is 414, in the error format of the endpoint asked. */
@QuarkusTest
class UriLimitTest {

    private static final String TOO_LONG = "x".repeat(10_000);

    @Test
    void aLongUriIsA414ProblemOnTheProvidersOwnEndpoints() {
        given().queryParam("q", TOO_LONG).get("/admin/behaviour")
                .then().statusCode(414).contentType("application/problem+json")
                .body("status", equalTo(414)).body("detail", startsWith("The URI has"));
    }

    @Test
    void aLongUriIsA414OsbErrorUnderTheBroker() {
        given().header("X-Broker-API-Version", "2.17").queryParam("q", TOO_LONG).get(BROKER + "/catalog")
                .then().statusCode(414).contentType("application/json")
                .body("error", equalTo("UriTooLong")).body("description", startsWith("The URI has"));
    }
}
