package de.efa.catalog;

import de.efa.infra.test.SqlProbe;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Foundation issue: 401 without a token, 403 with a wrong role, and the provider_id claim reaching the service; the
 * public reads take no token, but a token that is sent must be one this service takes.
 */
@QuarkusTest
class SecurityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMissingOrBrokenTokenIs401AndStoresNothing() {
        String slug = unique("ohne-token");
        given().contentType(ContentType.JSON).body(service(slug, "Ohne Token").toString())
                .post("/api/v1/services")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://efa-marketplace.de/problems/unauthorized"))
                .body("status", equalTo(401));
        given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body(service(slug, "Kaputt").toString())
                .post("/api/v1/services")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE slug = ?", slug)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/services", "/api/v1/providers", "/api/v1/themenfelder"})
    void aPublicReadNeedsNoTokenButRefusesATokenThisServiceDoesNotTake(String path) {
        given().get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.municipality("14713000")).get(path).then().statusCode(200);
        List<String> refused = List.of("not.a.token",
                TestTokens.claims("staff-14713000", "municipality").audience("demo-provider").sign(),
                TestTokens.claims("staff-14713000", "municipality").issuedAt(Instant.now().minusSeconds(7200))
                        .expiresAt(Instant.now().minusSeconds(3600)).sign());
        for (String token : refused) {
            given().auth().oauth2(token).get(path)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("https://efa-marketplace.de/problems/unauthorized"))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void aWrongRoleIs403AndStoresNothing() {
        String slug = unique("falsche-rolle");
        for (String token : new String[] {TestTokens.municipality("14713000"), TestTokens.withoutRole(),
                TestTokens.marketplace(), TestTokens.bundler("kisa")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(service(slug, "Falsche Rolle").toString())
                    .post("/api/v1/services")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://efa-marketplace.de/problems/forbidden"));
        }
        given().auth().oauth2(TestTokens.provider("akdb")).contentType(ContentType.JSON)
                .body("{\"id\":\"x\",\"name\":\"X\",\"kind\":\"LAND\",\"brokerUrl\":\"http://x.de\"}")
                .post("/api/v1/providers")
                .then().statusCode(403);
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE slug = ?", slug)).isZero();
    }

    @Test
    void theProviderIdClaimDecidesWhoOwnsTheService() {
        String providerId = unique("anbieter-claim");
        CatalogApi.provider(providerId);
        String id = CatalogApi.create(providerId, service(unique("claim"), "Dienst mit Claim"))
                .path("id");
        given().auth().oauth2(TestTokens.provider(providerId)).get("/api/v1/services/" + id)
                .then().statusCode(200).body("providerId", equalTo(providerId));
        assertThat(new SqlProbe(dataSource).count("SELECT count(*) FROM efa_service WHERE id = ? AND provider_id = ?",
                UUID.fromString(id), providerId)).isOne();
    }

    @Test
    void aProviderThatIsNotRegisteredCannotCreate() {
        given().auth().oauth2(TestTokens.provider(unique("unbekannt"))).contentType(ContentType.JSON)
                .body(service(unique("unregistriert"), "Unregistriert").toString())
                .post("/api/v1/services")
                .then().statusCode(403).body("detail", containsString("not registered"));
    }
}
