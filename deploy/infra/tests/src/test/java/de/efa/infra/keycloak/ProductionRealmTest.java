package de.efa.infra.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production realm (deploy/keycloak/efa-realm-production.json), read as the export it is, without a Keycloak:
 * hardened where the demo realm is open, and the same realm as far as the services are concerned.
 */
class ProductionRealmTest {

    private static final Path KEYCLOAK = Path.of("..", "..", "keycloak").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode realm = read("efa-realm-production.json");

    @Test
    void brute_force_detection_locks_an_account_out_for_a_while_after_a_few_failures() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void passwords_follow_a_policy_of_length_and_history_and_never_repeat_the_name() {
        String policy = realm.path("passwordPolicy").asText();
        Matcher length = Pattern.compile("(?:^| and )length\\((\\d+)\\)").matcher(policy);

        assertThat(length.find()).as("a minimum length in %s", policy).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(policy).contains("notUsername", "notEmail", "passwordHistory(");
        assertThat(realm.path("sslRequired").asText()).isIn("all", "external");
        assertThat(realm.path("registrationAllowed").asBoolean(true)).isFalse();
    }

    @Test
    void no_client_takes_passwords_and_none_brings_a_secret() {
        assertThat(realm.path("clients")).isNotEmpty().allSatisfy(client -> {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").isBoolean()).as("%s says so", id).isTrue();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
            assertThat(client.has("secret")).as("%s has a secret in the file", id).isFalse();
            client.path("redirectUris").forEach(uri -> assertThat(uri.asText()).as(id).startsWith("https://")
                    .doesNotContain("localhost").doesNotEndWith("/*"));
        });
        assertThat(fieldsNamed(realm, Set.of("secret", "credentials", "password", "value"))).isEmpty();
    }

    /**
     * Keycloak adds its own clients to an imported realm that does not define them; of those, only {@code admin-cli}
     * takes passwords (Keycloak 26.7: account, account-console, broker, realm-management and security-admin-console do not), so the file defines it with that off.
     */
    @Test
    void keycloaks_own_client_that_takes_passwords_is_defined_without_them() {
        assertThat(names(realm.path("clients"), "clientId")).contains("admin-cli");
        assertThat(client("admin-cli").path("publicClient").asBoolean()).isTrue();
        assertThat(client("admin-cli").path("standardFlowEnabled").asBoolean(true)).isFalse();
    }

    @Test
    void the_portal_logs_in_with_pkce_and_the_marketplace_with_its_client_credentials_only() {
        JsonNode portal = client("efa-portal");
        JsonNode marketplace = client("marketplace-service");

        assertThat(portal.path("publicClient").asBoolean()).isTrue();
        assertThat(portal.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(marketplace.path("publicClient").asBoolean(true)).isFalse();
        assertThat(marketplace.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(marketplace.path("standardFlowEnabled").asBoolean(true)).isFalse();
    }

    @Test
    void there_are_no_demo_users_only_the_marketplace_service_account() {
        assertThat(realm.path("users")).singleElement().satisfies(user -> {
            assertThat(user.path("serviceAccountClientId").asText()).isEqualTo("marketplace-service");
            assertThat(names(user.path("realmRoles"))).containsExactly("marketplace");
        });
        assertThat(names(realm.path("clients"), "clientId")).doesNotContain("provider-akdb", "provider-dataport");
    }

    @Test
    void the_services_find_what_they_rely_on_as_in_the_demo_realm() {
        JsonNode demo = read("efa-realm.json");

        assertThat(realm.path("realm").asText()).isEqualTo(demo.path("realm").asText());
        assertThat(names(realm.path("roles").path("realm"), "name"))
                .containsExactlyInAnyOrderElementsOf(names(demo.path("roles").path("realm"), "name"));
        assertThat(realm.path("components")).isEqualTo(demo.path("components"));
        assertThat(names(client("efa-portal").path("protocolMappers"), "name")).contains("ags", "provider_id",
                "bundler_id", "audience catalog-service", "audience tenant-service", "audience marketplace-service");
    }

    private JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId)).findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    /** The paths of every field with one of these names, at any depth. */
    private static List<String> fieldsNamed(JsonNode node, Set<String> names) {
        List<String> found = new ArrayList<>();
        collect(node, "", names, found);
        return found;
    }

    private static void collect(JsonNode node, String path, Set<String> names, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (names.contains(field.getKey())) {
                    found.add(path + "/" + field.getKey());
                }
                collect(field.getValue(), path + "/" + field.getKey(), names, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, names, found);
            }
        }
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(KEYCLOAK.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
