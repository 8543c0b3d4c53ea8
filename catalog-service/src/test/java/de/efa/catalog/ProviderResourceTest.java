package de.efa.catalog;

import de.efa.infra.test.Concurrently;
import de.efa.infra.test.SqlProbe;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The provider registry: operators write, everyone reads. */
@QuarkusTest
class ProviderResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOperatorRegistersAndEveryoneReads() {
        String id = unique("registriert");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Dataport AöR", "kind", "LAND", "brokerUrl", "https://osb.dataport.example"))
                .post("/api/v1/providers")
                .then().statusCode(201).header("Location", endsWith("/api/v1/providers/" + id)).header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("kind", equalTo("LAND")).body("version", equalTo(1));
        given().get("/api/v1/providers/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("brokerUrl", equalTo("https://osb.dataport.example"));
        given().queryParam("size", "100").get("/api/v1/providers").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(100)).body("items.id", hasItem(id));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Noch einmal", "kind", "LAND", "brokerUrl", "https://osb.example"))
                .post("/api/v1/providers")
                .then().statusCode(409);
        given().get("/api/v1/providers/gibt-es-nicht").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("size", "101").get("/api/v1/providers").then().statusCode(400);
    }

    @Test
    void twelveConcurrentRegistrationsOfOneIdGiveOne201AndEleven409() throws Exception {
        String id = unique("gleichzeitig");
        List<Integer> answers = Concurrently.times(12, () -> given().auth().oauth2(TestTokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Anbieter " + id, "kind", "LAND", "brokerUrl", "https://osb.example"))
                .post("/api/v1/providers").statusCode());

        assertThat(answers).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM provider WHERE id = ?", id)).isEqualTo(1);
    }

    @Test
    void onlyOperatorsWriteAndInvalidProvidersAreRefusedWhole() {
        String id = unique("verboten");
        Map<String, String> provider = Map.of("id", id, "name", "X", "kind", "LAND", "brokerUrl", "https://osb.example");
        given().contentType(ContentType.JSON).body(provider).post("/api/v1/providers").then().statusCode(401);
        given().auth().oauth2(TestTokens.provider(id)).contentType(ContentType.JSON).body(provider)
                .post("/api/v1/providers").then().statusCode(403);
        given().auth().oauth2(TestTokens.municipality("05315000")).contentType(ContentType.JSON).body(provider)
                .post("/api/v1/providers").then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("id", "Kein Slug", "name", " ", "kind", "KIRCHE", "brokerUrl", "ftp://osb"))
                .post("/api/v1/providers")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("id", "name", "kind", "brokerUrl"));
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM provider WHERE id IN (?, 'Kein Slug')", id)).isZero();
    }

    @Test
    void replacingNeedsTheCurrentEtagAndKeepsTheId() {
        String id = unique("ersetzt");
        CatalogApi.provider(id);
        Map<String, String> changed = Map.of("name", "Neuer Name", "kind", "BUND", "brokerUrl", "https://neu.example");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(changed)
                .put("/api/v1/providers/" + id).then().statusCode(428);
        given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"5\"").contentType(ContentType.JSON).body(changed)
                .put("/api/v1/providers/" + id).then().statusCode(412);
        given().auth().oauth2(TestTokens.provider(id)).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(changed)
                .put("/api/v1/providers/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("id", "anders", "name", "N", "kind", "BUND", "brokerUrl", "https://neu.example"))
                .put("/api/v1/providers/" + id).then().statusCode(400).body("violations.field", containsInAnyOrder("id"));
        given().get("/api/v1/providers/" + id).then().body("name", equalTo("Anbieter " + id)).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(changed)
                .put("/api/v1/providers/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Neuer Name")).body("kind", equalTo("BUND"));
    }
}
