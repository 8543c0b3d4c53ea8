package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.TestAgs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Every endpoint: 401 without a token, 403 for a provider or a token without a product role. */
@QuarkusTest
class SecurityTest {

    private static final String AGS = "14713000";
    private static final String ID = "0b9f6c1e-6b43-4a8e-9b8f-3f3d2f1b7a55";

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/tenants",
            "GET, /api/v1/tenants",
            "GET, /api/v1/tenants/" + AGS,
            "POST, /api/v1/tenants/" + AGS + "/approve",
            "POST, /api/v1/tenants/" + AGS + "/suspend",
            "POST, /api/v1/tenants/" + AGS + "/reactivate",
            "POST, /api/v1/tenants/" + AGS + "/subscriptions",
            "GET, /api/v1/tenants/" + AGS + "/subscriptions",
            "GET, /api/v1/tenants/" + AGS + "/subscriptions/" + ID,
            "DELETE, /api/v1/tenants/" + AGS + "/subscriptions/" + ID,
            "PATCH, /api/v1/tenants/" + AGS + "/subscriptions/" + ID,
            "POST, /api/v1/tenants/" + AGS + "/subscriptions/" + ID + "/resubmit",
            "GET, /api/v1/parked/outgoing",
            "POST, /api/v1/parked/outgoing/" + ID + "/retry",
            "POST, /api/v1/parked/outgoing/" + ID + "/discard",
            "GET, /api/v1/parked/incoming",
            "PUT, /api/v1/tenants/" + AGS + "/invoice-address",
            "GET, /api/v1/tenants/" + AGS + "/mandates",
            "POST, /api/v1/tenants/" + AGS + "/mandates",
            "DELETE, /api/v1/tenants/" + AGS + "/mandates/kisa",
            "POST, /api/v1/tenants/" + AGS + "/subscriptions/" + ID + "/conclude",
            "POST, /api/v1/bundlers",
            "GET, /api/v1/bundlers",
            "GET, /api/v1/bundlers/kisa",
            "GET, /api/v1/bundlers/kisa/clients"})
    void anonymousGets401AndProviderOrRoleless403(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        Api.as(TestTokens.provider("akdb")).body("{}").request(method, path).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        Api.as(TestTokens.withoutRole()).body("{}").request(method, path).then().statusCode(403);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/provider/interests",
            "POST, /api/v1/provider/interests/" + ID + "/offer",
            "POST, /api/v1/provider/interests/" + ID + "/decline"})
    void theProviderInboxIsForProvidersOnly(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path).then().statusCode(401);
        for (String token : new String[] {TestTokens.municipality(AGS), TestTokens.operator(),
                TestTokens.bundler("kisa"), TestTokens.withoutRole()}) {
            Api.as(token).body("{}").request(method, path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void bundlersAndMandatesAreTheOperatorsAndTheMunicipalitysBusiness() {
        String bundler = "sec" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> registration = Map.of("id", bundler, "name", "Bündler", "contactEmail", "b@b.example");
        Api.asMunicipality(AGS).body(registration).post("/api/v1/bundlers").then().statusCode(403);
        Api.as(TestTokens.bundler(bundler)).body(registration).post("/api/v1/bundlers").then().statusCode(403);
        Api.asOperator().body(registration).post("/api/v1/bundlers").then().statusCode(201)
                .header("Location", endsWith("/api/v1/bundlers/" + bundler));
        Api.asOperator().body(registration).post("/api/v1/bundlers").then().statusCode(409);
        Api.asOperator().body(Map.of("id", "Not A Slug", "name", "", "contactEmail", "x")).post("/api/v1/bundlers")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("id", "name", "contactEmail"));

        Api.as(TestTokens.bundler(bundler)).get("/api/v1/bundlers/" + bundler).then().statusCode(200)
                .body("name", equalTo("Bündler"));
        Api.as(TestTokens.bundler("other")).get("/api/v1/bundlers/" + bundler).then().statusCode(403);
        Api.as(TestTokens.bundler(bundler)).get("/api/v1/bundlers").then().statusCode(200)
                .body("items.id", contains(bundler));
        Api.asOperator().get("/api/v1/bundlers/nobody").then().statusCode(404);

        String ags = Api.activeTenant(TestAgs.fresh(), 100);
        String other = TestAgs.fresh();
        String mandates = "/api/v1/tenants/" + ags + "/mandates";
        Api.asMunicipality(other).body(Map.of("bundlerId", bundler)).post(mandates).then().statusCode(403);
        Api.asMunicipality(ags).body(Map.of("bundlerId", "nobody")).post(mandates).then().statusCode(404);
        String granted = Api.asMunicipality(ags).header("Idempotency-Key", "grant-" + bundler)
                .body(Map.of("bundlerId", bundler)).post(mandates).then().statusCode(201)
                .body("grantedBy", equalTo("municipality " + ags)).extract().header("Location");
        // A retried grant gets the first answer again instead of 409.
        Api.asMunicipality(ags).header("Idempotency-Key", "grant-" + bundler)
                .body(Map.of("bundlerId", bundler)).post(mandates).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", granted);
        Api.asOperator().body(Map.of("bundlerId", bundler)).post(mandates).then().statusCode(409);
        assertThat(granted).endsWith(mandates + "/" + bundler);
        Api.asMunicipality(ags).get(mandates + "/" + bundler).then().statusCode(200)
                .body("bundlerId", equalTo(bundler)).body("grantedBy", equalTo("municipality " + ags));
        Api.asMunicipality(other).get(mandates + "/" + bundler).then().statusCode(403);
        Api.as(TestTokens.bundler(bundler)).get(mandates + "/" + bundler).then().statusCode(403);
        Api.asOperator().get(mandates + "/nobody").then().statusCode(404);
        Api.asMunicipality(ags).get(mandates).then().statusCode(200).body("items.bundlerId", contains(bundler));
        Api.as(TestTokens.bundler(bundler)).get("/api/v1/bundlers/" + bundler + "/clients").then().statusCode(200)
                .body("items.ags", contains(ags)).body("total", equalTo(1));
        Api.as(TestTokens.bundler(bundler)).get("/api/v1/bundlers/kisa/clients").then().statusCode(403);
        Api.asOperator().delete(mandates + "/" + bundler).then().statusCode(204);
        Api.asOperator().delete(mandates + "/" + bundler).then().statusCode(404);
        Api.as(TestTokens.bundler(bundler)).get("/api/v1/bundlers/" + bundler + "/clients").then().statusCode(200)
                .body("total", equalTo(0));
    }

    /** docs/services.md, "Who may do what": a bundler's list of bundlers is itself, paged like the operator's. */
    @Test
    void aBundlerListsOnlyItselfWhereAnOperatorListsEveryBundler() {
        String own = Api.registeredBundler("own");
        String other = Api.registeredBundler("other");

        Api.as(TestTokens.bundler(own)).get("/api/v1/bundlers").then().statusCode(200)
                .body("items.id", contains(own)).body("items[0].name", equalTo("Bündler " + own))
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(1));
        Api.as(TestTokens.bundler(own)).queryParam("page", 1).queryParam("size", 1).get("/api/v1/bundlers").then()
                .statusCode(200).body("items", empty()).body("page", equalTo(1)).body("size", equalTo(1))
                .body("total", equalTo(1));
        Api.as(TestTokens.bundler("unregistered-" + own)).get("/api/v1/bundlers").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        Api.as(TestTokens.bundler("ki\u0000sa")).get("/api/v1/bundlers").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        Api.as(TestTokens.bundler(other)).get("/api/v1/bundlers").then().statusCode(200)
                .body("items.id", contains(other));

        List<String> everyId = new ArrayList<>();
        List<String> ids;
        int page = 0;
        do {
            ids = Api.asOperator().queryParam("page", page++).queryParam("size", 100).get("/api/v1/bundlers").then()
                    .statusCode(200).extract().jsonPath().getList("items.id", String.class);
            everyId.addAll(ids);
        } while (ids.size() == 100);
        assertThat(everyId).contains(own, other);
    }

    @Test
    void aBundlersListIsPagedAndRefusedLikeTheOperatorsList() {
        String own = Api.registeredBundler("paged");
        Api.as(TestTokens.bundler(own)).queryParam("size", 0).get("/api/v1/bundlers").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("size"));
        Api.as(TestTokens.bundler(own)).queryParam("size", 101).queryParam("page", -1).get("/api/v1/bundlers").then()
                .statusCode(400).body("violations.field", containsInAnyOrder("page", "size"));
        Api.as(TestTokens.bundler(own)).queryParam("page", "3000000000").get("/api/v1/bundlers").then()
                .statusCode(400).body("violations.field", contains("page"));

        Api.asMunicipality(AGS).get("/api/v1/bundlers").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(TestTokens.claims("staff-without-claim", "bundler").sign()).get("/api/v1/bundlers").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBundlerIdWithAControlCharacterIsNotFoundInAPathAndRefusedInABody() {
        String ags = Api.activeTenant(TestAgs.fresh(), 100);
        String mandate = "/api/v1/tenants/" + ags + "/mandates/{bundlerId}";
        String impossible = "ki\u0000sa";
        Api.asOperator().get("/api/v1/bundlers/{id}", impossible).then().statusCode(404)
                .contentType("application/problem+json");
        Api.asOperator().get("/api/v1/bundlers/{id}/clients", impossible).then().statusCode(404);
        Api.asMunicipality(ags).get(mandate, impossible).then().statusCode(404);
        Api.asMunicipality(ags).delete(mandate, impossible).then().statusCode(404);
        Api.asMunicipality(ags).body(Map.of("bundlerId", impossible)).post("/api/v1/tenants/" + ags + "/mandates")
                .then().statusCode(400).body("violations.field", contains("bundlerId"));
    }

    @Test
    void aNulInAnyTextOfAJsonBodyIs400NamingWhereAndStoresNothing() {
        String bundler = "nul" + UUID.randomUUID().toString().substring(0, 8);
        Api.asOperator().body(Map.of("id", bundler, "name", "Bünd\u0000ler", "contactEmail", "b@b.example"))
                .post("/api/v1/bundlers").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("name"));
        Api.asOperator().contentType("Application/JSON")
                .body(Map.of("id", bundler, "name", "Bündler", "contactEmail", "b\u0000@b.example"))
                .post("/api/v1/bundlers").then().statusCode(400).body("violations.field", contains("contactEmail"));
        Api.asOperator().get("/api/v1/bundlers/" + bundler).then().statusCode(404);
        Map<String, Object> order = Map.of("serviceId", UUID.randomUUID().toString(), "planId", "standard",
                "parameters", Map.of("stellen", List.of(Map.of("name", "Amt\u0000"))));
        Api.asMunicipality(AGS).body(order).post("/api/v1/tenants/" + AGS + "/subscriptions")
                .then().statusCode(400).body("violations.field", contains("parameters.stellen[0].name"));
    }

    @Test
    void municipalityTokenCarriesItsAgsIntoTheService() {
        String own = TestAgs.fresh();
        String other = TestAgs.fresh();
        Api.asMunicipality(own).body(Api.registration(own, "GEMEINDE", 1000)).post("/api/v1/tenants").then()
                .statusCode(201).body("ags", equalTo(own));
        Api.asMunicipality(own).get("/api/v1/tenants/" + own).then().statusCode(200).body("status", equalTo("PENDING"));
        Api.asMunicipality(other).get("/api/v1/tenants/" + own).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void operatorOnlyStepsRefuseMunicipalities() {
        String ags = TestAgs.fresh();
        Api.asMunicipality(ags).body(Api.registration(ags, "GEMEINDE", 10)).post("/api/v1/tenants").then().statusCode(201);
        Api.asMunicipality(ags).post("/api/v1/tenants/" + ags + "/approve").then().statusCode(403);
        Api.asMunicipality(ags).get("/api/v1/tenants").then().statusCode(403);
        Api.asMunicipality(ags).get("/api/v1/parked/incoming").then().statusCode(403);
        Api.asMunicipality(ags).get("/api/v1/parked/outgoing").then().statusCode(403);
        Api.asMunicipality(ags).post("/api/v1/tenants/" + ags + "/subscriptions/" + UUID.randomUUID() + "/resubmit")
                .then().statusCode(403);
        Api.asOperator().get("/api/v1/tenants/" + ags).then().statusCode(200).body("status", equalTo("PENDING"));
    }
}
