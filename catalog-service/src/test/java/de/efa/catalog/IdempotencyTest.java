package de.efa.catalog;

import de.efa.infra.test.SqlProbe;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Issue item 4: Idempotency-Key on the creating POSTs, /services and /providers (docs/http.md). */
@QuarkusTest
class IdempotencyTest {

    private static final String PROVIDER = "anbieter-idempotenz";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void provider() {
        CatalogApi.provider(PROVIDER);
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAndCreateNothing() {
        String key = UUID.randomUUID().toString();
        String slug = unique("einmal");
        Response first = post(key, service(slug, "Nur einmal"));
        Response second = post(key, service(slug, "Nur einmal"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("ETag")).isEqualTo("\"1\"");
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE slug = ?", slug)).isOne();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        post(key, service(unique("zuerst"), "Zuerst")).then().statusCode(201);
        String other = unique("danach");
        post(key, service(other, "Danach")).then().statusCode(422).contentType("application/problem+json");
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE slug = ?", other)).isZero();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneService() {
        String key = UUID.randomUUID().toString();
        String slug = unique("parallel");
        ObjectNode body = service(slug, "Parallel");
        List<CompletableFuture<Response>> requests = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(key, body)))
                .toList();
        List<Response> answers = requests.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        assertThat(answers.stream().map(answer -> answer.header("Location")).distinct()).hasSize(1);
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE slug = ?", slug)).isOne();
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        String key = UUID.randomUUID().toString();
        String slug = unique("spaeter");
        post(key, service(slug, "Später").put("themenfeld", "sport")).then().statusCode(400);
        post(key, service(slug, "Später")).then().statusCode(201);
    }

    @Test
    void registeringAProviderWithTheSameKeyAndBodyAnswersTheFirstAnswerAndRegistersOnce() {
        String key = UUID.randomUUID().toString();
        String id = unique("einmal-anbieter");
        Map<String, String> body = providerBody(id, "Nur einmal");
        Response first = postProvider(key, body);
        Response second = postProvider(key, body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).endsWith("/api/v1/providers/" + id);
        assertThat(second.header("ETag")).isEqualTo("\"1\"");
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM provider WHERE id = ?", id)).isOne();
    }

    @Test
    void registeringAProviderWithTheSameKeyAndAnotherBodyIs422AndRegistersNothing() {
        String key = UUID.randomUUID().toString();
        postProvider(key, providerBody(unique("zuerst-anbieter"), "Zuerst")).then().statusCode(201);
        String other = unique("danach-anbieter");
        postProvider(key, providerBody(other, "Danach")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/idempotency-key-reused"));
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM provider WHERE id = ?", other)).isZero();
    }

    @Test
    void aKeyOfMoreThan200CharactersIs400NamingTheHeader() {
        String id = unique("langer-schluessel");
        postProvider("k".repeat(201), providerBody(id, "Langer Schlüssel")).then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM provider WHERE id = ?", id)).isZero();
    }

    private static Map<String, String> providerBody(String id, String name) {
        return Map.of("id", id, "name", name, "kind", "LAND", "brokerUrl", "https://osb-" + id + ".example.de");
    }

    private static Response postProvider(String key, Map<String, String> body) {
        return given().auth().oauth2(TestTokens.operator()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/providers");
    }

    private static Response post(String key, ObjectNode body) {
        return given().auth().oauth2(TestTokens.provider(PROVIDER)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body.toString()).post("/api/v1/services");
    }
}
