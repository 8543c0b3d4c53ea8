package de.efa.catalog;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.catalog.CatalogApi.create;
import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.step;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every change to the catalog is in its audit trail once, with who made it, and nothing that failed is. */
@QuarkusTest
class AuditTest {

    private static final String OPERATOR = "operator";

    private String provider;

    @BeforeEach
    void provider() {
        provider = unique("auditiert");
        CatalogApi.provider(provider);
    }

    @Test
    void aServiceLifeIsAuditedStepByStepWithItsActorAndRole() {
        String id = create(provider, service(unique("leben"), "Lebenslauf")).path("id");
        given().auth().oauth2(TestTokens.provider(provider)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(service(unique("leben"), "Neuer Name").toString()).put("/api/v1/services/" + id)
                .then().statusCode(200);
        step(provider, id, "publish").then().statusCode(200);
        given().auth().oauth2(TestTokens.operator()).post("/api/v1/services/" + id + "/deprecate")
                .then().statusCode(200);
        step(provider, id, "retire").then().statusCode(200);

        String providerClient = "service-account-provider-" + provider;
        audit("service:" + id).body("total", equalTo(5))
                .body("items.action", contains("service.retire", "service.deprecate", "service.publish",
                        "service.update", "service.create"))
                .body("items.outcome", contains("RETIRED", "DEPRECATED", "PUBLISHED", "updated", "created"))
                .body("items.actor", contains(providerClient, OPERATOR, providerClient, providerClient, providerClient))
                .body("items.actorRole", contains("provider", "operator", "provider", "provider", "provider"))
                .body("items.onBehalfOf", everyItem(nullValue()))
                .body("items.target", everyItem(equalTo("service:" + id)));
    }

    @Test
    void aProviderRegisteredAndMovedIsAuditedWithEachServiceItRepublished() {
        String first = create(provider, service(unique("eins"), "Eins")).path("id");
        String second = create(provider, service(unique("zwei"), "Zwei")).path("id");
        given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("name", "Anbieter " + provider, "kind", "LAND", "brokerUrl", "http://neu.example.de"))
                .put("/api/v1/providers/" + provider)
                .then().statusCode(200);

        audit("provider:" + provider).body("items.action", contains("provider.update", "provider.register"))
                .body("items.outcome", contains("updated", "created"))
                .body("items.actor", everyItem(equalTo(OPERATOR)));
        for (String service : List.of(first, second)) {
            audit("service:" + service).body("items.action", contains("service.update", "service.create"))
                    .body("items[0].actor", equalTo(OPERATOR))
                    .body("items[0].details.brokerUrl", equalTo("http://neu.example.de"));
        }
    }

    @Test
    void aRefusedRequestWritesNoEntry() {
        String id = create(provider, service(unique("abgelehnt"), "Abgelehnt")).path("id");
        step(provider, id, "retire").then().statusCode(409);
        step(unique("fremd"), id, "publish").then().statusCode(404);
        given().auth().oauth2(TestTokens.provider(provider)).header("If-Match", "\"7\"").post("/api/v1/services/" + id
                + "/publish").then().statusCode(412);
        String key = UUID.randomUUID().toString();
        postService(key, unique("einmal")).then().statusCode(201);
        postService(key, unique("anders")).then().statusCode(422);

        audit("service:" + id).body("items.action", contains("service.create"));
        given().auth().oauth2(TestTokens.operator()).queryParam("actor", "service-account-provider-" + provider)
                .get("/api/v1/audit")
                .then().statusCode(200).body("items.action", contains("service.create", "service.create"));
    }

    @Test
    void aChangeRolledBackAfterItsEntryWasWrittenLeavesNoEntry() {
        String id = create(provider, service(unique("bleibt"), "Bleibt")).path("id");
        // The entry is written before the event, which the outbox then refuses as too large: all rolls back.
        given().auth().oauth2(TestTokens.provider(provider)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(OutboxTest.oversized(service(unique("bleibt"), "Zu groß"))).put("/api/v1/services/" + id)
                .then().statusCode(413);

        audit("service:" + id).body("items.action", contains("service.create"));
    }

    @Test
    void operatorsReadTheTrailAsJsonOrCsvAndNoOneElseReadsIt() throws IOException {
        String id = step(provider, create(provider, service(unique("csv"), "Als CSV")).path("id"),
                "publish").path("id");

        String csv = given().auth().oauth2(TestTokens.operator()).accept("text/csv").queryParam("target", "service:" + id)
                .get("/api/v1/audit")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(row -> row.get("action") + " " + row.get("outcome") + " " + row.get("actorRole"))
                .containsExactly("service.publish PUBLISHED provider", "service.create created provider");

        given().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provider(provider)).get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(TestTokens.municipality("14713000")).accept("text/csv").get("/api/v1/audit")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).queryParam("from", "morgen").get("/api/v1/audit")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
    }

    private static ValidatableResponse audit(String target) {
        return given().auth().oauth2(TestTokens.operator()).queryParam("target", target).get("/api/v1/audit")
                .then().statusCode(200).contentType("application/json");
    }

    private Response postService(String key, String slug) {
        return given().auth().oauth2(TestTokens.provider(provider)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(service(slug, "Einmal").toString()).post("/api/v1/services");
    }
}
