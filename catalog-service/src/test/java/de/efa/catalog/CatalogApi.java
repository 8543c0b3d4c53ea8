package de.efa.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Shortcuts through the public API, so that each test states only what it is about. */
public final class CatalogApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private CatalogApi() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a provider as an operator would, unless it is there already. */
    public static void provider(String id) {
        provider(id, "http://broker-" + id + ".example.de");
    }

    public static void provider(String id, String brokerUrl) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Anbieter " + id, "kind", "LAND", "brokerUrl", brokerUrl))
                .post("/api/v1/providers")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    /** A valid service request with one plan; tests change what they are about. */
    public static ObjectNode service(String slug, String name) {
        try {
            ObjectNode service = (ObjectNode) JSON.readTree("""
                    {"summary":"Online beantragen, mit Nachweisen und Bezahlung",
                     "description":"Ein Online-Dienst nach dem Prinzip Einer für Alle.",
                     "keywords":["Antrag"],"leikaKeys":["99023001012000"],"ozgId":"10169",
                     "themenfeld":"mobilitaet-reisen","leadLand":"06","availableIn":[],"reuseModels":["EFA_MARKTPLATZ"],
                     "languages":["de"],"accessibility":{"bitvStatement":"https://example.de/barrierefreiheit",
                                                          "feedbackMechanism":"barrierefreiheit@example.de"},
                     "plans":[{"id":"standard","name":"Standard","description":"Betrieb als SaaS",
                               "pricing":{"setupFeeCents":50000,"annualBaseCents":120000,"annualPerInhabitantCents":2},
                               "parameters":{"type":"object","required":["zustaendigeStelle"],
                                             "properties":{"zustaendigeStelle":{"type":"string"}}}}]}""");
            return service.put("slug", slug).put("name", name);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExtractableResponse<Response> create(String providerId, ObjectNode service) {
        return given().auth().oauth2(TestTokens.provider(providerId)).contentType(ContentType.JSON)
                .body(service.toString())
                .post("/api/v1/services")
                .then().statusCode(201).extract();
    }

    /** Creates and publishes a service; answers its id. */
    public static String published(String providerId, ObjectNode service) {
        String id = create(providerId, service).path("id");
        step(providerId, id, "publish").then().statusCode(200);
        return id;
    }

    public static Response step(String providerId, String id, String step) {
        return given().auth().oauth2(TestTokens.provider(providerId)).post("/api/v1/services/" + id + "/" + step);
    }
}
