package de.efa.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A plan's contract and its flag updatable: written by the owning provider like the rest of the service, answered
 * by GET and by the public search, and what a version-1 request leaves out means no contract and no plan change.
 */
@QuarkusTest
class PlanContractTest {

    private static final String TERMS_URL = "https://www.akdb.de/nutzungsbedingungen/fuehrerschein-2026-01.html";
    private static final String TERMS_SHA256 = "5a972444e862a4b82e120ccf1e951dd1abd45cc6a158e1ae8639fec24e55160a";
    private static final String OFFER_URL = "https://www.akdb.de/nachnutzung/fuehrerschein-2026-02.html";
    private static final String OFFER_SHA256 = "209e71ba75a375ff5926a169c00e1ceea35ee3f9e6969367cb0ab11d1b8a2240";

    @Inject
    AgroalDataSource dataSource;

    private String owner;

    @BeforeEach
    void provider() {
        owner = unique("anbieter-vertrag");
        CatalogApi.provider(owner);
    }

    @Test
    void aVersion1PlanMeansNoContractAndNoPlanChange() {
        ObjectNode request = service(unique("ohne-vertrag"), "Ohne Vertrag");
        String id = CatalogApi.create(owner, request).path("id");
        hasNoContract(given().auth().oauth2(TestTokens.provider(owner)).get("/api/v1/services/" + id).then());

        CatalogApi.step(owner, id, "publish").then().statusCode(200);
        hasNoContract(given().get("/api/v1/services/" + id).then().statusCode(200));
        hasNoContract(publicSearch().body("total", equalTo(1)).rootPath("items[0]"));
    }

    @Test
    void theOwningProviderWritesTheContractAndEveryoneReadsIt() {
        String slug = unique("mit-vertrag");
        ObjectNode withTerms = contract(service(slug, "Mit Vertrag"), "TERMS", "2026-01", TERMS_URL, TERMS_SHA256, true);
        String id = CatalogApi.create(owner, withTerms).path("id");
        CatalogApi.step(owner, id, "publish").then().statusCode(200);
        hasContract(given().get("/api/v1/services/" + id).then(), "TERMS", "2026-01", TERMS_URL, TERMS_SHA256, true);
        hasContract(publicSearch().rootPath("items[0]"), "TERMS", "2026-01", TERMS_URL, TERMS_SHA256, true);

        ObjectNode withInterest = contract(service(slug, "Mit Vertrag"), "INTEREST", "2026-02", OFFER_URL,
                OFFER_SHA256.toUpperCase(), false);
        replace(TestTokens.provider(unique("fremd")), id, "\"2\"", withInterest).then().statusCode(403);
        replace(TestTokens.operator(), id, "\"2\"", withInterest).then().statusCode(403);
        hasContract(given().get("/api/v1/services/" + id).then().body("version", equalTo(2)),
                "TERMS", "2026-01", TERMS_URL, TERMS_SHA256, true);

        hasContract(replace(TestTokens.provider(owner), id, "\"2\"", withInterest).then().statusCode(200),
                "INTEREST", "2026-02", OFFER_URL, OFFER_SHA256, false);
        hasContract(given().get("/api/v1/services/" + id).then(), "INTEREST", "2026-02", OFFER_URL, OFFER_SHA256, false);
        hasContract(publicSearch().rootPath("items[0]"), "INTEREST", "2026-02", OFFER_URL, OFFER_SHA256, false);

        replace(TestTokens.provider(owner), id, "\"3\"", service(slug, "Mit Vertrag")).then().statusCode(200);
        hasNoContract(given().get("/api/v1/services/" + id).then().body("version", equalTo(4)));
        hasNoContract(publicSearch().rootPath("items[0]"));
    }

    @Test
    void aPlanStoredBeforeContractsReadsAsNoneAfterTheMigration() throws Exception {
        String id = CatalogApi.create(owner, service(unique("altbestand"), "Altbestand")).path("id");
        String version1Plans = """
                [{"id":"standard","name":"Standard","description":"Betrieb als SaaS",
                  "pricing":{"setupFeeCents":50000,"annualBaseCents":120000,"annualPerInhabitantCents":2},
                  "parameters":{"type":"object"}}]""";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE efa_service SET plans = ? WHERE id = ?")) {
                update.setString(1, version1Plans);
                update.setObject(2, UUID.fromString(id));
                update.executeUpdate();
            }
            try (Statement migration = connection.createStatement()) {
                migration.execute(resource("db/migration/V5__plan_contracts.sql"));
            }
        }

        hasNoContract(given().auth().oauth2(TestTokens.provider(owner)).get("/api/v1/services/" + id).then()
                .body("plans[0].name", equalTo("Standard"))
                .body("plans[0].pricing.setupFeeCents", equalTo(50000))
                .body("version", equalTo(1)));
    }

    private ValidatableResponse publicSearch() {
        return given().queryParam("providerId", owner).get("/api/v1/services").then().statusCode(200);
    }

    private static Response replace(String token, String id, String ifMatch, ObjectNode body) {
        return given().auth().oauth2(token).header("If-Match", ifMatch).contentType(ContentType.JSON)
                .body(body.toString()).put("/api/v1/services/" + id);
    }

    private static ObjectNode contract(ObjectNode service, String model, String version, String url, String sha256,
                                       boolean updatable) {
        ObjectNode plan = ((ObjectNode) service.get("plans").get(0)).put("updatable", updatable);
        plan.putObject("contract").put("model", model)
                .putObject("terms").put("version", version).put("url", url).put("sha256", sha256);
        return service;
    }

    private static void hasNoContract(ValidatableResponse service) {
        service.body("plans[0].contract.model", equalTo("NONE"))
                .body("plans[0].contract.terms", nullValue())
                .body("plans[0].updatable", equalTo(false));
    }

    private static void hasContract(ValidatableResponse service, String model, String version, String url,
                                    String sha256, boolean updatable) {
        service.body("plans[0].contract.model", equalTo(model))
                .body("plans[0].contract.terms.version", equalTo(version))
                .body("plans[0].contract.terms.url", equalTo(url))
                .body("plans[0].contract.terms.sha256", equalTo(sha256))
                .body("plans[0].updatable", equalTo(updatable));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PlanContractTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
