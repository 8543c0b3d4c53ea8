package de.efa.demoprovider;

import de.efa.demoprovider.domain.BrokerAudience;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static de.efa.demoprovider.BrokerCalls.BROKER;
import static de.efa.demoprovider.BrokerCalls.MARKETPLACE;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may call a provider's broker, and with which OSB version: the marketplace, with a token meant for that
 * provider's broker. A refused call changes nothing.
 */
@QuarkusTest
class BrokerAccessTest {

    /** Tokens of every other role, with the audience of the tests' broker: their role alone refuses them. */
    private static String[] otherRolesAtTheBroker() {
        return Stream.of(TestTokens.claims("operator", "operator"),
                        TestTokens.claims("staff-14713000", "municipality").claim("ags", "14713000"),
                        TestTokens.claims("service-account-provider-akdb", "provider").claim("provider_id", "akdb"),
                        TestTokens.claims("nobody"))
                .map(claims -> claims.audience(Set.of(BrokerAudience.of(BrokerCalls.PROVIDER))).sign())
                .toArray(String[]::new);
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void withoutATokenTheBrokerAnswers401() {
        given().header("X-Broker-API-Version", "2.17").when().get(BROKER + "/catalog")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", equalTo("Unauthorized"));
    }

    @Test
    void aProviderIdWithAnEncodedSlashStillGetsTheBrokersErrorFormat() {
        given().urlEncodingEnabled(false).header("X-Broker-API-Version", "2.17")
                .when().get("/brokers/..%2F..%2Fetc/v2/catalog")
                .then().statusCode(401).contentType(ContentType.JSON).body("error", equalTo("Unauthorized"));
    }

    @Test
    void anotherRoleThanMarketplaceIsForbidden() {
        String id = newInstanceId();
        for (String token : otherRolesAtTheBroker()) {
            given().auth().oauth2(token).header("X-Broker-API-Version", "2.17")
                    .contentType(ContentType.JSON).body(body("s", "standard", "14713000"))
                    .queryParam("accepts_incomplete", true)
                    .when().put(BROKER + "/service_instances/{id}", id)
                    .then().statusCode(403).body("error", equalTo("Forbidden"));
        }
        assertThat(new Rows(dataSource).instanceState(id)).isEmpty();
    }

    @Test
    void updatesAndFetchesAreForTheMarketplaceOnly() {
        String id = newInstanceId();
        given().header("X-Broker-API-Version", "2.17").contentType(ContentType.JSON)
                .body(BrokerCalls.suspension("s", "standard", true))
                .when().patch(BROKER + "/service_instances/{id}?accepts_incomplete=true", id)
                .then().statusCode(401).body("error", equalTo("Unauthorized"));
        for (String token : otherRolesAtTheBroker()) {
            given().auth().oauth2(token).header("X-Broker-API-Version", "2.17").contentType(ContentType.JSON)
                    .body(BrokerCalls.suspension("s", "standard", true))
                    .when().patch(BROKER + "/service_instances/{id}?accepts_incomplete=true", id)
                    .then().statusCode(403).body("error", equalTo("Forbidden"));
            given().auth().oauth2(token).header("X-Broker-API-Version", "2.17")
                    .when().get(BROKER + "/service_instances/{id}", id)
                    .then().statusCode(403).body("error", equalTo("Forbidden"));
        }
        given().auth().oauth2(MARKETPLACE).contentType(ContentType.JSON)
                .body(BrokerCalls.suspension("s", "standard", true))
                .when().patch(BROKER + "/service_instances/{id}?accepts_incomplete=true", id)
                .then().statusCode(412).body("error", equalTo("PreconditionFailed"));
        BrokerCalls.update(id, BrokerCalls.suspension("s", "standard", true)).statusCode(404);
    }

    @Test
    void aTokenForTheBrokerOfOneProviderIsRefusedByTheBrokerOfAnother() {
        String id = newInstanceId();
        String forDataport = TestTokens.marketplaceAtBroker("dataport");
        given().auth().oauth2(forDataport).header("X-Broker-API-Version", "2.17")
                .contentType(ContentType.JSON).body(body("s", "standard", "14713000"))
                .queryParam("accepts_incomplete", true)
                .when().put(BROKER + "/service_instances/{id}", id)
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", equalTo("Unauthorized"))
                .body("description", containsString("broker-akdb"));
        given().auth().oauth2(forDataport).header("X-Broker-API-Version", "2.17")
                .when().get("/brokers/dataport/v2/catalog")
                .then().statusCode(200);
        given().auth().oauth2(MARKETPLACE).header("X-Broker-API-Version", "2.17")
                .when().get("/brokers/dataport/v2/service_instances/{id}", id)
                .then().statusCode(401).body("error", equalTo("Unauthorized"));

        assertThat(new Rows(dataSource).instanceState(id)).isEmpty();
    }

    /** What a broker received is worth nothing beside the brokers: the listing there holds every broker's instances. */
    @Test
    void aTokenForABrokerIsRefusedBesideTheBrokers() {
        given().auth().oauth2(TestTokens.marketplaceAtBroker("akdb"))
                .when().get("/instances")
                .then().statusCode(401)
                .contentType(containsString("problem+json"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("meant for a provider's broker"));
        given().auth().oauth2(TestTokens.marketplace()).when().get("/instances").then().statusCode(200);
        given().auth().oauth2(TestTokens.operator()).when().get("/instances").then().statusCode(200);
    }

    /** Sent with the JDK's client, which sends a path as written, where rest-assured's would normalise it first. */
    @Test
    void noSpellingOfABrokersPathEscapesItsAudienceCheck() throws Exception {
        String forDataport = TestTokens.marketplaceAtBroker("dataport");
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/brokers/akdb/%76%32/catalog", "/brokers/x/../akdb/v2/catalog",
                "/brokers/akdb/./v2/catalog"}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Authorization", "Bearer " + forDataport).header("X-Broker-API-Version", "2.17")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).contains("\"error\":\"Unauthorized\"");
        }
    }

    @Test
    void aMarketplaceTokenMeantForNoBrokerIsRefusedByEveryBroker() {
        for (String broker : new String[] {BROKER, "/brokers/dataport/v2"}) {
            given().auth().oauth2(TestTokens.marketplace()).header("X-Broker-API-Version", "2.17")
                    .when().get(broker + "/catalog")
                    .then().statusCode(401).contentType(ContentType.JSON).body("error", equalTo("Unauthorized"));
        }
    }

    /**
     * The role comes from {@code realm_access.roles} alone, as docs/broker-calls.md asks of every broker: a
     * {@code groups} or {@code resource_access} claim naming {@code marketplace} is no such role. And only an access
     * token is taken: the realm signs its ID and refresh tokens with the same key.
     */
    @Test
    void onlyAnAccessTokenWithTheRealmRoleMarketplaceIsTaken() {
        String id = newInstanceId();
        String withGroups = TestTokens.claims("service-account-provider-akdb", "provider")
                .audience(Set.of(BrokerAudience.of(BrokerCalls.PROVIDER)))
                .groups(Set.of("marketplace")).sign();
        String withClientRole = TestTokens.claims("service-account-provider-akdb", "provider")
                .audience(Set.of(BrokerAudience.of(BrokerCalls.PROVIDER)))
                .claim("resource_access", Map.of("demo-provider", Map.of("roles", List.of("marketplace")),
                        "marketplace-service", Map.of("roles", List.of("marketplace"))))
                .sign();
        for (String token : new String[] {withGroups, withClientRole}) {
            given().auth().oauth2(token).header("X-Broker-API-Version", "2.17")
                    .contentType(ContentType.JSON).body(body("s", "standard", "14713000"))
                    .queryParam("accepts_incomplete", true)
                    .when().put(BROKER + "/service_instances/{id}", id)
                    .then().statusCode(403).body("error", equalTo("Forbidden"));
        }
        String idToken = TestTokens.claims("service-account-marketplace-service", "marketplace")
                .audience(Set.of(BrokerAudience.of(BrokerCalls.PROVIDER))).claim("typ", "ID").sign();
        given().auth().oauth2(idToken).header("X-Broker-API-Version", "2.17")
                .contentType(ContentType.JSON).body(body("s", "standard", "14713000"))
                .queryParam("accepts_incomplete", true)
                .when().put(BROKER + "/service_instances/{id}", id)
                .then().statusCode(401).body("error", equalTo("Unauthorized"));
        assertThat(new Rows(dataSource).instanceState(id)).isEmpty();
    }

    @Test
    void theBrokerApiIsOnlyAtAProvidersPath() {
        given().auth().oauth2(MARKETPLACE).header("X-Broker-API-Version", "2.17")
                .when().get("/v2/catalog")
                .then().statusCode(404);
    }

    @Test
    void withoutABrokerApiVersion2xTheAnswerIs412AndNothingIsCreated() {
        String id = newInstanceId();
        given().auth().oauth2(MARKETPLACE)
                .contentType(ContentType.JSON).body(body("s", "standard", "14713000"))
                .queryParam("accepts_incomplete", true)
                .when().put(BROKER + "/service_instances/{id}", id)
                .then().statusCode(412)
                .body("error", equalTo("PreconditionFailed"))
                .body("description", containsString("X-Broker-API-Version"));
        given().auth().oauth2(MARKETPLACE).header("X-Broker-API-Version", "3.0")
                .when().get(BROKER + "/catalog")
                .then().statusCode(412).body("description", containsString("'3.0'"));

        assertThat(new Rows(dataSource).instanceState(id)).isEmpty();
    }

    @Test
    void olderMinorVersionsOf2AreAccepted() {
        given().auth().oauth2(MARKETPLACE).header("X-Broker-API-Version", "2.14")
                .when().get(BROKER + "/catalog")
                .then().statusCode(200);
    }

    @Test
    void theRequestIdentityOfThePlatformIsHandedBack() {
        given().auth().oauth2(MARKETPLACE).header("X-Broker-API-Version", "2.17")
                .header("X-Broker-API-Request-Identity", "e26cfe5a-1b83-4d1a-9f2e-0c7d5b3a4e61")
                .when().get(BROKER + "/catalog")
                .then().statusCode(200)
                .header("X-Broker-API-Request-Identity", equalTo("e26cfe5a-1b83-4d1a-9f2e-0c7d5b3a4e61"));
        given().auth().oauth2(MARKETPLACE).header("X-Broker-API-Version", "2.17")
                .header("X-Broker-API-Request-Identity", "f00")
                .when().delete(BROKER + "/service_instances/{id}?accepts_incomplete=true&service_id=s&plan_id=p", newInstanceId())
                .then().statusCode(410)
                .header("X-Broker-API-Request-Identity", equalTo("f00"));
    }

    @Test
    void anUnknownBrokerPathIsAnOsbError() {
        given().auth().oauth2(MARKETPLACE).header("X-Broker-API-Version", "2.17")
                .when().get(BROKER + "/service_instances/x/service_bindings/y")
                .then().statusCode(404).contentType(ContentType.JSON).body("error", equalTo("NotFound"));
    }
}
