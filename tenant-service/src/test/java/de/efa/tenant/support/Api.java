package de.efa.tenant.support;

import de.efa.infra.test.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls of the tenant-service's API as a client would make them. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    public static RequestSpecification asOperator() {
        return as(TestTokens.operator());
    }

    public static RequestSpecification asMunicipality(String ags) {
        return as(TestTokens.municipality(ags));
    }

    public static Map<String, Object> registration(String ags, String kind, long population) {
        return Map.of("ags", ags, "name", "Testgemeinde " + ags, "kind", kind, "population", population,
                "contactEmail", "it@" + ags + ".example");
    }

    /** Registers a Gemeinde with this population and approves it, as an operator would. */
    public static String activeTenant(String ags, long population) {
        asOperator().body(registration(ags, "GEMEINDE", population)).post("/api/v1/tenants").then().statusCode(201);
        asOperator().post("/api/v1/tenants/" + ags + "/approve").then().statusCode(200);
        return ags;
    }

    /** A valid Leitweg-ID (the test id of the XRechnung standard). */
    public static final String LEITWEG_ID = "991-33333TEST-33";

    /** An ACTIVE Gemeinde with an invoice address, as a plan with a contract needs it. */
    public static String activeTenantWithInvoiceAddress(String ags, long population) {
        Map<String, Object> registration = new HashMap<>(registration(ags, "GEMEINDE", population));
        registration.put("leitwegId", LEITWEG_ID);
        asOperator().body(registration).post("/api/v1/tenants").then().statusCode(201);
        asOperator().post("/api/v1/tenants/" + ags + "/approve").then().statusCode(200);
        return ags;
    }

    /** A bundler of its own, registered by an operator, named "Bündler " and its id, which starts with the prefix. */
    public static String registeredBundler(String prefix) {
        String bundler = prefix + UUID.randomUUID().toString().substring(0, 8);
        asOperator().body(Map.of("id", bundler, "name", "Bündler " + bundler, "contactEmail",
                "it@" + bundler + ".example")).post("/api/v1/bundlers").then().statusCode(201);
        return bundler;
    }

    /** A bundler of its own, so that tests do not share clients; the municipality grants it a mandate. */
    public static String bundlerWithMandateOf(String ags) {
        String bundler = registeredBundler("b");
        asMunicipality(ags).body(Map.of("bundlerId", bundler)).post("/api/v1/tenants/" + ags + "/mandates")
                .then().statusCode(201);
        return bundler;
    }

    public static ValidatableResponse subscribe(String token, String ags, Object body) {
        return as(token).body(body).post("/api/v1/tenants/" + ags + "/subscriptions").then();
    }
}
