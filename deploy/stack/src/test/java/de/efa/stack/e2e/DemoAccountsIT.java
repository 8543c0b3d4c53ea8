package de.efa.stack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.infra.keycloak.TokenClient;
import de.efa.stack.Service;
import de.efa.stack.Stack;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo accounts, as the stack's Keycloak issues them from the repository's realm file. */
@ExtendWith(StackExtension.class)
class DemoAccountsIT {

    private static final String PORTAL = "efa-portal";

    private static String realmUrl;
    private static Stack stack;

    @BeforeAll
    static void theStacksRealm(Stack theStack) {
        stack = theStack;
        realmUrl = stack.realmUrl();
    }

    @ParameterizedTest
    @CsvSource({"leipzig, 14713000", "koeln, 05315000", "halle, 15002000"})
    void municipalityStaffGetTheirAgs(String user, String ags) {
        JsonNode claims = TokenClient.claims(TokenClient.passwordGrant(realmUrl, PORTAL, user, user));

        assertEquals(ags, claims.path("ags").asText());
        assertEquals(List.of("municipality"), productRoles(claims));
        assertFalse(claims.has("provider_id"));
        assertEquals(realmUrl, claims.path("iss").asText());
    }

    @Test
    void operatorHasTheOperatorRoleAndNoScope() {
        JsonNode claims = TokenClient.claims(TokenClient.passwordGrant(realmUrl, PORTAL, "operator", "operator"));

        assertEquals(List.of("operator"), productRoles(claims));
        assertFalse(claims.has("ags"));
        assertFalse(claims.has("provider_id"));
    }

    @ParameterizedTest
    @CsvSource({"provider-akdb, akdb-secret, akdb", "provider-dataport, dataport-secret, dataport"})
    void providerClientsGetTheirProviderId(String client, String secret, String providerId) {
        JsonNode claims = TokenClient.claims(TokenClient.clientCredentials(realmUrl, client, secret));

        assertEquals(providerId, claims.path("provider_id").asText());
        assertEquals(List.of("provider"), productRoles(claims));
        assertFalse(claims.has("ags"));
    }

    @Test
    void providerStaffLogInToThePortalWithTheirProviderId() {
        JsonNode claims = TokenClient.claims(
                TokenClient.passwordGrant(realmUrl, PORTAL, "akdb-redaktion", "akdb-redaktion"));

        assertEquals("akdb", claims.path("provider_id").asText());
        assertEquals(List.of("provider"), productRoles(claims));
        assertFalse(claims.has("ags"));
    }

    @Test
    void bundlerStaffGetTheirBundlerId() {
        JsonNode claims = TokenClient.claims(TokenClient.passwordGrant(realmUrl, PORTAL, "kisa", "kisa"));

        assertEquals("kisa", claims.path("bundler_id").asText());
        assertEquals(List.of("bundler"), productRoles(claims));
        assertFalse(claims.has("ags"));
        assertFalse(claims.has("provider_id"));
    }

    @Test
    void marketplaceServiceHasTheMarketplaceRole() {
        JsonNode claims = TokenClient.claims(
                TokenClient.clientCredentials(realmUrl, "marketplace-service", "marketplace-secret"));

        assertEquals(List.of("marketplace"), productRoles(claims));
        assertFalse(claims.has("provider_id"));
        assertTrue(audience(claims).stream().noneMatch(aud -> aud.startsWith("broker-")), claims.toString());
    }

    /**
     * A broker gets tokens only for itself: the marketplace-service asks for the scope of the provider whose broker it
     * calls, and that token is refused by every other provider's broker; without a scope it is refused by all.
     */
    @Test
    void theMarketplacesTokenForOneProvidersBrokerIsRefusedByAnothers() {
        String forAkdb = TokenClient.clientCredentials(realmUrl, "marketplace-service", "marketplace-secret",
                "broker-akdb");
        String forNoBroker = TokenClient.clientCredentials(realmUrl, "marketplace-service", "marketplace-secret");

        assertTrue(audience(TokenClient.claims(forAkdb)).contains("broker-akdb"), forAkdb);
        assertFalse(audience(TokenClient.claims(forAkdb)).contains("broker-dataport"), forAkdb);
        assertEquals(List.of("marketplace"), productRoles(TokenClient.claims(forAkdb)));
        brokerCatalog("akdb", forAkdb).then().statusCode(200);
        brokerCatalog("dataport", forAkdb).then().statusCode(401).body("error", equalTo("Unauthorized"));
        brokerCatalog("akdb", forNoBroker).then().statusCode(401);
        brokerCatalog("dataport", forNoBroker).then().statusCode(401);
    }

    @Test
    void peopleGetTokensForTheThreeServicesAndProvidersForTheCatalogAndTenantServicesOnly() {
        JsonNode person = TokenClient.claims(TokenClient.passwordGrant(realmUrl, PORTAL, "leipzig", "leipzig"));
        JsonNode provider = TokenClient.claims(TokenClient.clientCredentials(realmUrl, "provider-akdb", "akdb-secret"));

        assertTrue(audience(person).containsAll(List.of("catalog-service", "tenant-service", "marketplace-service")),
                person.toString());
        assertTrue(audience(provider).containsAll(List.of("catalog-service", "tenant-service")), provider.toString());
        assertFalse(audience(provider).contains("marketplace-service"), provider.toString());
        assertEquals("Bearer", person.path("typ").asText());
    }

    @Test
    void wrongPasswordIsRefused() {
        TokenClient.TokenRefusedException refused = assertThrows(TokenClient.TokenRefusedException.class,
                () -> TokenClient.passwordGrant(realmUrl, PORTAL, "leipzig", "koeln"));

        // RFC 6749 section 5.2: a wrong resource owner password is an invalid_grant, answered with 400.
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    }

    @Test
    void wrongClientSecretIsRefused() {
        TokenClient.TokenRefusedException refused = assertThrows(TokenClient.TokenRefusedException.class,
                () -> TokenClient.clientCredentials(realmUrl, "provider-akdb", "dataport-secret"));

        assertEquals(401, refused.status());
    }

    private static Response brokerCatalog(String providerId, String token) {
        return Api.as(stack, Service.DEMO_PROVIDER, token).header("X-Broker-API-Version", "2.17")
                .get("/brokers/" + providerId + "/v2/catalog");
    }

    private static List<String> audience(JsonNode claims) {
        List<String> audience = new ArrayList<>();
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            aud.forEach(value -> audience.add(value.asText()));
        } else if (aud.isTextual()) {
            audience.add(aud.asText());
        }
        return audience;
    }

    /** The product's realm roles (docs/services.md) in the token; Keycloak's own default roles do not matter here. */
    private static List<String> productRoles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> {
            if (List.of("municipality", "provider", "operator", "marketplace", "bundler").contains(role.asText())) {
                roles.add(role.asText());
            }
        });
        return roles;
    }
}
