package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TenantResourceTest {

    @Inject
    AgroalDataSource dataSource;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void municipalityRegistersItselfPendingWithItsLand() {
        String ags = TestAgs.fresh("15");
        Api.asMunicipality(ags).body(Api.registration(ags, "STADT", 226_767)).post("/api/v1/tenants").then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/tenants/" + ags))
                .body("ags", equalTo(ags))
                .body("kind", equalTo("STADT"))
                .body("land.code", equalTo("15"))
                .body("land.name", equalTo("Sachsen-Anhalt"))
                .body("population", equalTo(226_767))
                .body("status", equalTo("PENDING"))
                .body("createdAt", notNullValue());
        assertThat(db.tenants(ags)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "1A713000", "147130001", ""})
    void malformedAgsIs400NamingTheFieldAndStoresNothing(String ags) {
        Api.asOperator().body(Api.registration(ags, "GEMEINDE", 100)).post("/api/v1/tenants").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("ags"));
        assertThat(db.tenants(ags)).isZero();
    }

    @Test
    void arsAndLeitwegIdAreCheckedWhenGivenAndTheExpectedCheckDigitsAreNamed() {
        String ags = TestAgs.fresh();
        Map<String, Object> wrong = new HashMap<>(Api.registration(ags, "GEMEINDE", 100));
        wrong.put("ars", "999990000123");
        wrong.put("leitwegId", "04011000-1234512345-07");
        Api.asOperator().body(wrong).post("/api/v1/tenants").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("ars", "leitwegId"))
                .body("violations.find { it.field == 'leitwegId' }.message",
                        equalTo("has the check digits 07, but ISO 7064 MOD 97-10 gives 06 for 040110001234512345"))
                .body("violations.find { it.field == 'ars' }.message", startsWith("must contain the AGS " + ags));
        assertThat(db.tenants(ags)).isZero();

        Map<String, Object> right = new HashMap<>(Api.registration(ags, "GEMEINDE", 100));
        right.put("ars", ags.substring(0, 5) + "5210" + ags.substring(5));
        right.put("leitwegId", "04011000-1234512345-06");
        Api.asOperator().body(right).post("/api/v1/tenants").then().statusCode(201)
                .header("ETag", notNullValue())
                .body("ars", equalTo(ags.substring(0, 5) + "5210" + ags.substring(5)))
                .body("leitwegId", equalTo("04011000-1234512345-06"));
    }

    @Test
    void theInvoiceAddressIsReplacedAsAWholeOfTheVersionTheCallerRead() {
        String ags = Api.activeTenant(TestAgs.fresh(), 100);
        String path = "/api/v1/tenants/" + ags + "/invoice-address";
        String etag = Api.asMunicipality(ags).get("/api/v1/tenants/" + ags).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> address = Map.of("leitwegId", "991-33333test-33");

        Api.asMunicipality(ags).body(address).put(path).then().statusCode(428);
        Api.asMunicipality(TestAgs.fresh()).header("If-Match", etag).body(address).put(path).then().statusCode(403);
        Api.as(TestTokens.bundler("kisa")).header("If-Match", etag).body(address).put(path).then().statusCode(403);
        Api.asMunicipality(ags).header("If-Match", etag).body(Map.of("leitwegId", "991-33333TEST-34")).put(path)
                .then().statusCode(400).body("violations[0].field", equalTo("leitwegId"));
        String next = Api.asMunicipality(ags).header("If-Match", etag).body(address).put(path).then().statusCode(200)
                .body("leitwegId", equalTo("991-33333TEST-33"))
                .body("ars", nullValue())
                .extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        Api.asOperator().header("If-Match", etag).body(Map.of()).put(path).then().statusCode(412);
        Api.asOperator().header("If-Match", next).body(Map.of()).put(path).then().statusCode(200)
                .body("leitwegId", nullValue());
    }

    @Test
    void unknownLandIs400() {
        Api.asOperator().body(Api.registration("17001000", "GEMEINDE", 100)).post("/api/v1/tenants").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("ags"))
                .body("violations[0].message", startsWith("must start with a Land code"));
        assertThat(db.tenants("17001000")).isZero();
    }

    @Test
    void negativePopulationIs400AndEveryViolationComesInOneAnswer() {
        Map<String, Object> body = new HashMap<>(Api.registration("00000001", "DORF", -1));
        body.put("contactEmail", "no address");
        body.put("name", " ");
        Api.asOperator().body(body).post("/api/v1/tenants").then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "ags", "name", "kind", "population", "contactEmail"));
        String ags = TestAgs.fresh();
        Api.asOperator().body(Api.registration(ags, "GEMEINDE", -5)).post("/api/v1/tenants").then()
                .statusCode(400)
                .body("violations.field", equalTo(java.util.List.of("population")));
        Api.asOperator().body(Api.registration(ags, "GEMEINDE", 9_000_000_000_000_000_000L)).post("/api/v1/tenants")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("population"))
                .body("violations[0].message", equalTo("must be a number of inhabitants, from 0 to 100000000"));
        assertThat(db.tenants(ags)).isZero();
    }

    @Test
    void landkreisKeyMustEndIn000() {
        Api.asOperator().body(Api.registration("14729123", "LANDKREIS", 250_000)).post("/api/v1/tenants").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("ags"))
                .body("violations[0].message", equalTo("the AGS of a Landkreis ends in 000"));
        assertThat(db.tenants("14729123")).isZero();
        Api.asOperator().body(Api.registration("14729000", "LANDKREIS", 250_000)).post("/api/v1/tenants").then()
                .statusCode(201).body("land.name", equalTo("Sachsen"));
    }

    @Test
    void unknownJsonFieldIs400() {
        String ags = TestAgs.fresh();
        Map<String, Object> body = new HashMap<>(Api.registration(ags, "GEMEINDE", 100));
        body.put("status", "ACTIVE");
        Api.asOperator().body(body).post("/api/v1/tenants").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(db.tenants(ags)).isZero();
    }

    @Test
    void municipalityCannotRegisterAnotherAgs() {
        String own = TestAgs.fresh();
        String other = TestAgs.fresh();
        Api.asMunicipality(own).body(Api.registration(other, "GEMEINDE", 100)).post("/api/v1/tenants").then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(db.tenants(other)).isZero();
    }

    @Test
    void duplicateAgsIs409AndKeepsTheFirst() {
        String ags = TestAgs.fresh();
        Api.asOperator().body(Api.registration(ags, "GEMEINDE", 100)).post("/api/v1/tenants").then().statusCode(201);
        Map<String, Object> second = new HashMap<>(Api.registration(ags, "STADT", 999));
        Api.asMunicipality(ags).body(second).post("/api/v1/tenants").then()
                .statusCode(409)
                .contentType("application/problem+json");
        Api.asOperator().get("/api/v1/tenants/" + ags).then().body("kind", equalTo("GEMEINDE"))
                .body("population", equalTo(100));
    }

    @Test
    void sameIdempotencyKeyGivesTheFirstAnswerAndAnotherBodyIs422() {
        String ags = TestAgs.fresh();
        var first = Api.asOperator().header("Idempotency-Key", "reg-" + ags).body(Api.registration(ags, "GEMEINDE", 100))
                .post("/api/v1/tenants").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract();
        Api.asOperator().header("Idempotency-Key", "reg-" + ags).body(Api.registration(ags, "GEMEINDE", 100))
                .post("/api/v1/tenants").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("createdAt", equalTo(first.path("createdAt")));
        Api.asOperator().header("Idempotency-Key", "reg-" + ags).body(Api.registration(ags, "STADT", 100))
                .post("/api/v1/tenants").then().statusCode(422).contentType("application/problem+json");
        assertThat(db.tenants(ags)).isEqualTo(1);
    }

    @Test
    void operatorStepsFollowTheLifecycle() {
        String ags = TestAgs.fresh();
        Api.asOperator().body(Api.registration(ags, "GEMEINDE", 100)).post("/api/v1/tenants").then().statusCode(201);
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(409)
                .contentType("application/problem+json");
        Api.asOperator().post("/api/v1/tenants/" + ags + "/approve").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Api.asOperator().post("/api/v1/tenants/" + ags + "/approve").then().statusCode(409);
        Api.asOperator().post("/api/v1/tenants/" + ags + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        Api.asOperator().post("/api/v1/tenants/" + ags + "/reactivate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Api.asOperator().post("/api/v1/tenants/" + TestAgs.fresh() + "/approve").then().statusCode(404);
        Api.asOperator().post("/api/v1/tenants/12/approve").then().statusCode(400).body("violations[0].field", equalTo("ags"));
    }

    @Test
    void operatorListsWithFiltersAndPaging() {
        String first = TestAgs.fresh("10");
        String second = TestAgs.fresh("10");
        String third = TestAgs.fresh("10");
        Api.activeTenant(first, 10);
        Api.activeTenant(second, 20);
        Api.asOperator().body(Api.registration(third, "GEMEINDE", 30)).post("/api/v1/tenants").then().statusCode(201);

        Api.asOperator().queryParam("land", "10").queryParam("status", "ACTIVE").queryParam("size", 1)
                .get("/api/v1/tenants").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].ags", equalTo(first))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("total", equalTo(2));
        Api.asOperator().queryParam("land", "10").queryParam("page", 1).queryParam("size", 1)
                .get("/api/v1/tenants").then().statusCode(200)
                .body("items[0].ags", equalTo(second))
                .body("total", equalTo(3));
        Api.asOperator().queryParam("land", "10").queryParam("status", "PENDING").get("/api/v1/tenants").then()
                .body("items.ags", equalTo(java.util.List.of(third)))
                .body("items.land.code", everyItem(equalTo("10")));
    }

    @Test
    void badListParametersAre400NamingThem() {
        Api.asOperator().queryParam("land", "17").get("/api/v1/tenants").then().statusCode(400)
                .body("violations[0].field", equalTo("land"));
        Api.asOperator().queryParam("status", "GONE").get("/api/v1/tenants").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        Api.asOperator().queryParam("size", 101).queryParam("page", -1).get("/api/v1/tenants").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("page", "size"));
        Api.asOperator().queryParam("size", "many").get("/api/v1/tenants").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        for (String list : List.of("/api/v1/tenants", "/api/v1/rollouts", "/api/v1/bundlers")) {
            Api.asOperator().queryParam("page", "3000000000").get(list).then().statusCode(400)
                    .body("violations[0].field", equalTo("page"));
        }
    }

    @Test
    void aUriOf10000CharactersIsA414Problem() {
        Api.asOperator().get("/api/v1/tenants?land=" + "1".repeat(10_000)).then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/uri-too-long"))
                .body("status", equalTo(414));
    }
}
