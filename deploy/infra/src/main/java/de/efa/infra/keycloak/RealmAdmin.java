package de.efa.infra.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Changes to a running realm through Keycloak's admin REST API, as the stack's bootstrap administrator: for tests that
 * need what the demo realm deliberately does not offer, without touching the clients the demo accounts use.
 */
public final class RealmAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmAdmin() {
    }

    /**
     * Adds a copy of the client {@code clientId} (its flows, protocol mappers and client scopes) under the id
     * {@code copyId}, with the given client attributes on top, e.g. {@code access.token.lifespan}. A copy of that id
     * that exists already is left as it is.
     *
     * @param realmUrl the realm's URL, {@code http://host:port/realms/<realm>}
     */
    public static void copyClient(String realmUrl, String clientId, String copyId, Map<String, String> attributes) {
        int realms = realmUrl.lastIndexOf("/realms/");
        String adminUrl = realmUrl.substring(0, realms) + "/admin" + realmUrl.substring(realms) + "/clients";
        String token = TokenClient.passwordGrant(realmUrl.substring(0, realms) + "/realms/master", "admin-cli",
                KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(adminUrl + "?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).GET(), token);
        try {
            if (found.statusCode() != 200 || !(JSON.readTree(found.body()).path(0) instanceof ObjectNode client)) {
                throw new IllegalStateException("no client " + clientId + " at " + adminUrl + ": " + found.body());
            }
            client.remove("id");
            client.path("protocolMappers").forEach(mapper -> ((ObjectNode) mapper).remove("id"));
            client.put("clientId", copyId);
            ObjectNode clientAttributes = client.get("attributes") instanceof ObjectNode existing ? existing
                    : client.putObject("attributes");
            attributes.forEach(clientAttributes::put);
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(adminUrl))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))), token);
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("copy of client " + clientId + " refused with HTTP "
                        + created.statusCode() + ": " + created.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("client " + clientId + " at " + adminUrl + " is not JSON: " + e, e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's admin API did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a call of Keycloak's admin API", e);
        }
    }
}
