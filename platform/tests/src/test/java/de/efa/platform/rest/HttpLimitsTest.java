package de.efa.platform.rest;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class HttpLimitsTest {

    @Test
    void a_uri_of_10000_characters_is_a_414_problem() {
        given().get("/api/v1/parked/incoming?topic=" + "a".repeat(10_000))
                .then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/uri-too-long"))
                .body("status", equalTo(414));
    }

    @Test
    void headers_over_16_kib_are_a_431_problem() {
        given().header("X-Padding", "p".repeat(20_000)).get("/api/v1/parked/incoming")
                .then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/headers-too-large"));
    }

    @Test
    void a_body_over_1_mib_is_a_413_problem() {
        given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                .body("{\"x\":\"" + "b".repeat(1_100_000) + "\"}")
                .post("/api/v1/parked/outgoing/00000000-0000-0000-0000-000000000000/retry")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/body-too-large"));
    }

    @Test
    void a_page_beyond_100000_items_is_a_400_problem_not_an_overflow() {
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/parked/incoming?page=2147483647&size=100")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void a_page_beyond_an_int_or_no_number_at_all_is_a_400_problem_naming_it_not_a_404() {
        for (String list : new String[] {"/api/v1/parked/incoming", "/api/v1/parked/outgoing", "/api/v1/audit"}) {
            given().auth().oauth2(TestTokens.operator()).get(list + "?page=3000000000")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("page"));
            given().auth().oauth2(TestTokens.operator()).get(list + "?size=zwanzig")
                    .then().statusCode(400).body("violations[0].field", equalTo("size"));
        }
    }
}
