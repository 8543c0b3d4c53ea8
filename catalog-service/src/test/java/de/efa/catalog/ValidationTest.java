package de.efa.catalog;

import de.efa.infra.test.SqlProbe;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static de.efa.catalog.CatalogApi.JSON;
import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Each rule of issue item 2 answers 400 with a violation naming the field, and stores nothing. */
@QuarkusTest
class ValidationTest {

    private static final String PROVIDER = "anbieter-pruefung";
    private static final String SHA256 = "5a972444e862a4b82e120ccf1e951dd1abd45cc6a158e1ae8639fec24e55160a";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void provider() {
        CatalogApi.provider(PROVIDER);
    }

    static Stream<Arguments> brokenServices() {
        return Stream.of(
                broken("leikaKeys[0]", s -> s.putArray("leikaKeys").add("9902300101200")),
                broken("leikaKeys[1]", s -> s.putArray("leikaKeys").add("99023001012000").add("9902300101200X")),
                broken("leikaKeys", s -> s.putArray("leikaKeys")),
                broken("themenfeld", s -> s.put("themenfeld", "sport")),
                broken("themenfeld", s -> s.remove("themenfeld")),
                broken("leadLand", s -> s.put("leadLand", "17")),
                broken("availableIn[0]", s -> s.putArray("availableIn").add("00")),
                broken("availableIn[1]", s -> s.putArray("availableIn").add("14").add("14")),
                broken("slug", s -> s.put("slug", "Kein Slug")),
                broken("name", s -> s.remove("name")),
                broken("summary", s -> s.put("summary", " ")),
                broken("name", s -> s.put("name", "Null\u0000Byte")),
                broken("keywords[0]", s -> s.putArray("keywords").add("Steuer\u0007")),
                broken("ozgId", s -> s.put("ozgId", "abc")),
                broken("reuseModels[0]", s -> s.putArray("reuseModels").add("VERSCHENKT")),
                broken("languages[0]", s -> s.putArray("languages").add("deutsch")),
                broken("accessibility.bitvStatement", s -> s.with("accessibility").put("bitvStatement", "kein link")),
                broken("plans[0].pricing.setupFeeCents", s -> plan(s).with("pricing").put("setupFeeCents", -1)),
                broken("plans[0].pricing.annualBaseCents", s -> plan(s).with("pricing").remove("annualBaseCents")),
                broken("plans[0].pricing", s -> plan(s).remove("pricing")),
                broken("plans[0].id", s -> plan(s).put("id", "Standard Plan")),
                broken("plans[1].id", s -> ((ArrayNode) s.get("plans")).add(plan(s).deepCopy())),
                broken("plans[0].name", s -> plan(s).remove("name")),
                broken("plans[0].parameters", s -> plan(s).remove("parameters")),
                broken("plans[0].parameters", s -> plan(s).set("parameters", json("{\"type\":\"string\"}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"properties\":{\"gebuehr\":{\"type\":\"banane\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"https://example.de/schema.json\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"properties\":{\"plz\":{\"type\":\"string\",\"pattern\":\"([0-9]{5}\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters", json("[1,2]"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"properties\":{\"k\":{\"type\":\"string\",\"pattern\":\"^(?!x)\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters", json("{\"type\":\"object\",\"properties\":"
                        + "{\"k\":{\"type\":\"string\",\"pattern\":\"((((a{100}){100}){100}){100})\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters", json("{\"type\":\"object\",\"properties\":"
                        + "{\"k\":{\"type\":\"string\",\"pattern\":\"a{1000}b{1000}c{1000}d{1000}e{1000}\"},"
                        + "\"l\":{\"type\":\"string\",\"pattern\":\"f{1000}g{1000}h{1000}i{1000}j{1000}x\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/properties/a\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/$defs/missing\"}}}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters", json("{\"type\":\"object\",\"$ref\":\"#\"}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"allOf\":[{\"$ref\":\"#\"}]}"))),
                broken("plans[0].parameters", s -> plan(s).set("parameters",
                        json("{\"type\":\"object\",\"$dynamicRef\":\"#\"}"))),
                broken("plans[0].parameters", s -> plan(s).with("parameters").with("properties").with("zustaendigeStelle")
                        .putRawValue("minimum", new RawValue("1e400"))),
                broken("plans[0].contract.model", s -> plan(s).putObject("contract").put("model", "VERTRAG")),
                broken("plans[0].contract.model", s -> plan(s).putObject("contract")),
                broken("plans[0].contract.terms", s -> plan(s).putObject("contract").put("model", "TERMS")),
                broken("plans[0].contract.terms", s -> plan(s).putObject("contract").put("model", "INTEREST")),
                broken("plans[0].contract.terms", s -> terms(s, "NONE")),
                broken("plans[0].contract.terms.version", s -> terms(s, "TERMS").put("version", "")),
                broken("plans[0].contract.terms.version", s -> terms(s, "TERMS").remove("version")),
                broken("plans[0].contract.terms.version", s -> terms(s, "TERMS").put("version", "1".repeat(51))),
                broken("plans[0].contract.terms.version", s -> terms(s, "TERMS").put("version", " 2026-01")),
                broken("plans[0].contract.terms.version", s -> terms(s, "INTEREST").put("version", "2026\u0000-01")),
                broken("plans[0].contract.terms.url", s -> terms(s, "TERMS").remove("url")),
                broken("plans[0].contract.terms.url", s -> terms(s, "TERMS").put("url", "keine url")),
                broken("plans[0].contract.terms.url", s -> terms(s, "TERMS").put("url", "/nutzungsbedingungen.html")),
                broken("plans[0].contract.terms.url", s -> terms(s, "TERMS").put("url", "ftp://akdb.de/agb.html")),
                broken("plans[0].contract.terms.url", s -> terms(s, "TERMS").put("url", "http://www.akdb.de/agb.html")),
                broken("plans[0].contract.terms.sha256", s -> terms(s, "TERMS").remove("sha256")),
                broken("plans[0].contract.terms.sha256", s -> terms(s, "TERMS").put("sha256", "ab".repeat(31) + "a")),
                broken("plans[0].contract.terms.sha256", s -> terms(s, "INTEREST").put("sha256", "g".repeat(64))),
                broken("plans[0].contract.terms.datum", s -> terms(s, "TERMS").put("datum", "2026-01-01")),
                broken("plans[0].updatable", s -> plan(s).put("updatable", "true")),
                broken("plans[0].updatable", s -> plan(s).put("updatable", 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenServices")
    void eachRuleNamesTheFieldAndNothingIsStored(String field, ObjectNode request) {
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body(request.toString())
                .post("/api/v1/services")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE slug = ?",
                request.path("slug").asText())).isZero();
    }

    @Test
    void aTextWithHalfOfACharacterIsRefusedNamingTheFieldAndAWholeOneIsKept() {
        ObjectNode request = service(unique("surrogat"), "Amt HALB");
        request.putArray("keywords").add("HALB Steuer");
        plan(request).put("description", "HALB");
        // Only an escape carries an unpaired surrogate: as UTF-8 it cannot be written, the client would send "?".
        String body = request.toString().replaceFirst("HALB", "\\\\ud800").replaceFirst("HALB", "\\\\udc00")
                .replaceFirst("HALB", "\\\\udc00\\\\ud800");
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/services")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("name", "keywords[0]", "plans[0].description"));
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE slug = ?",
                request.path("slug").asText())).isZero();

        ObjectNode whole = service(unique("ganz"), "Amt \uD83D\uDE00");
        CatalogApi.create(PROVIDER, whole).response().then().body("name", equalTo("Amt \uD83D\uDE00"));
    }

    @Test
    void everyViolationIsListedInOneAnswer() {
        ObjectNode request = service(unique("viele-fehler"), "Viele Fehler");
        request.putArray("leikaKeys").add("1");
        request.put("themenfeld", "sport").put("leadLand", "99");
        plan(request).with("pricing").put("setupFeeCents", -5);
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body(request.toString())
                .post("/api/v1/services")
                .then().statusCode(400)
                .body("violations.field", hasItems("leikaKeys[0]", "themenfeld", "leadLand", "plans[0].pricing.setupFeeCents"))
                .body("detail", equalTo("4 fields are invalid"));
    }

    @Test
    void unreadableValuesAndUnknownFieldsAre400NamingTheField() {
        ObjectNode fraction = service(unique("bruch"), "Bruch");
        plan(fraction).with("pricing").put("annualBaseCents", 1.5);
        ObjectNode text = service(unique("text"), "Text");
        plan(text).with("pricing").put("annualBaseCents", "100");
        for (ObjectNode request : new ObjectNode[] {fraction, text}) {
            given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body(request.toString())
                    .post("/api/v1/services")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("plans[0].pricing.annualBaseCents"));
        }
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON)
                .body(service(unique("unbekannt"), "Unbekannt").put("status", "PUBLISHED").toString())
                .post("/api/v1/services")
                .then().statusCode(400).body("detail", equalTo("Unknown field 'status'"));
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body("{\"slug\":")
                .post("/api/v1/services")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON)
                .post("/api/v1/services")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void whatPostgresCannotStoreIsAProblemAnswerNotA500() {
        given().queryParam("q", "Führer\u0000schein").get("/api/v1/services")
                .then().statusCode(400).body("violations.field", hasItem("q"));
        given().get("/api/v1/providers/akdb%00").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"name\":\"N\",\"kind\":\"LAND\",\"brokerUrl\":\"https://x.example\"}")
                .put("/api/v1/providers/akdb%00").then().statusCode(404);
        given().queryParams("page", "99999999999", "size", "1e3").get("/api/v1/services")
                .then().statusCode(400).body("violations.field", hasItems("page", "size"));
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body("[1, 2]")
                .post("/api/v1/services").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aUriOf10000CharactersIsA414Problem() {
        given().get("/api/v1/services?q=" + "a".repeat(10_000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/uri-too-long"))
                .body("status", equalTo(414));
    }

    @Test
    void aRealisticParameterSchemaIsAccepted() {
        ObjectNode request = service(unique("schema"), "Mit Schema");
        plan(request).set("parameters", json("""
                {"type":"object","additionalProperties":false,"required":["zustaendigeStelle"],
                 "$defs":{"cent":{"type":"integer","minimum":0}},
                 "properties":{"zustaendigeStelle":{"type":"object","required":["name","email"],
                                 "properties":{"name":{"type":"string"},"email":{"type":"string","format":"email"}}},
                               "ePayment":{"enum":["ePayBL","pmPayment"]},
                               "gebuehrCents":{"$ref":"#/$defs/cent"}}}"""));
        CatalogApi.create(PROVIDER, request);
    }

    @Test
    void everyViolationOfAContractIsListedInOneAnswer() {
        ObjectNode request = service(unique("vertrag-fehler"), "Vertrag mit Fehlern");
        terms(request, "TERMS").put("version", "").put("url", "http://akdb.de/agb.html").put("sha256", "kurz");
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body(request.toString())
                .post("/api/v1/services")
                .then().statusCode(400)
                .body("violations.field", hasItems("plans[0].contract.terms.version", "plans[0].contract.terms.url",
                        "plans[0].contract.terms.sha256"));
        ObjectNode secondPlan = service(unique("vertrag-zwei"), "Zweiter Plan ohne Bedingungen");
        ObjectNode plan = plan(secondPlan).deepCopy().put("id", "vertrag");
        plan.putObject("contract").put("model", "INTEREST");
        ((ArrayNode) secondPlan.get("plans")).add(plan);
        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body(secondPlan.toString())
                .post("/api/v1/services")
                .then().statusCode(400)
                .body("violations.field", contains("plans[1].contract.terms"))
                .body("violations.message", contains("is required for the contract model INTEREST"));
    }

    @Test
    void aContractsTermsAreKeptAsARuleAllowsThem() {
        ObjectNode request = service(unique("vertrag-gut"), "Vertrag in Ordnung");
        terms(request, "TERMS").put("version", "Fassung März 2026").put("url", "http://localhost:8090/agb.html")
                .put("sha256", SHA256.toUpperCase());
        plan(request).put("updatable", true);
        request.putArray("reuseModels").add("KOMMUNALVERTRETER").add("VERWALTUNGSVEREINBARUNG");
        CatalogApi.create(PROVIDER, request).response().then()
                .body("reuseModels", contains("KOMMUNALVERTRETER", "VERWALTUNGSVEREINBARUNG"))
                .body("plans[0].contract.model", equalTo("TERMS"))
                .body("plans[0].contract.terms.version", equalTo("Fassung März 2026"))
                .body("plans[0].contract.terms.url", equalTo("http://localhost:8090/agb.html"))
                .body("plans[0].contract.terms.sha256", equalTo(SHA256))
                .body("plans[0].updatable", equalTo(true));
    }

    private static Arguments broken(String field, Consumer<ObjectNode> breakIt) {
        ObjectNode request = service(unique("kaputt"), "Kaputter Dienst");
        breakIt.accept(request);
        return Arguments.of(field, request);
    }

    private static ObjectNode plan(ObjectNode service) {
        return (ObjectNode) service.get("plans").get(0);
    }

    /** Gives the first plan a contract of that model with valid terms, and answers the terms to break. */
    private static ObjectNode terms(ObjectNode service, String model) {
        ObjectNode contract = plan(service).putObject("contract").put("model", model);
        return contract.putObject("terms").put("version", "2026-01")
                .put("url", "https://www.akdb.de/nutzungsbedingungen/fuehrerschein-2026-01.html").put("sha256", SHA256);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
