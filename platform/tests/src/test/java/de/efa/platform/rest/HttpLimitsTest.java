package de.efa.platform.rest;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class HttpLimitsTest {

    @TestHTTPResource("/")
    URI root;

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
    void a_body_over_1_mib_sent_without_its_length_is_a_413_problem() throws Exception {
        byte[] body = ("{\"x\":\"" + "b".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(root.resolve("/api/v1/test/notes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://efa-marketplace.de/problems/body-too-large\"");
    }

    @Test
    void a_body_within_1_mib_sent_without_its_length_is_read_as_sent() throws Exception {
        String note = "{\"x\":\"" + "b".repeat(1_000_000) + "\"}";
        HttpRequest chunked = HttpRequest.newBuilder(root.resolve("/api/v1/test/notes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(note.getBytes(StandardCharsets.UTF_8))))
                .build();

        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> answer = HttpClient.newBuilder().version(version).build()
                    .send(chunked, HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(version.name()).isEqualTo(200);
            assertThat(answer.body()).as(version.name()).isEqualTo(note);
        }
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
