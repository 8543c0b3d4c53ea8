package de.efa.infra.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.infra.net.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo accounts against a real Keycloak with the repository's realm file. */
class KeycloakRealmTest {

    private static final String PORTAL = "efa-portal";

    @TempDir
    static Path data;

    private static KeycloakServer keycloak;
    private static String realmUrl;

    @BeforeAll
    static void startKeycloak() {
        String distribution = System.getProperty("keycloak.distribution");
        assertTrue(distribution != null && Files.isRegularFile(Path.of(distribution)),
                "system property keycloak.distribution must name the Keycloak zip (surefire sets it): " + distribution);
        Path realmFile = Path.of("..", "keycloak", "efa-realm.json");
        keycloak = KeycloakServer.start(KeycloakServer.Options.of(Path.of(distribution), realmFile, data, Ports.free())
                .withLogFile(Path.of("target", "keycloak-realm-test.log"))
                // The very first start on a machine also unpacks and re-builds Keycloak.
                .withStartupTimeout(Duration.ofMinutes(4)));
        realmUrl = keycloak.realmUrl();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
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
