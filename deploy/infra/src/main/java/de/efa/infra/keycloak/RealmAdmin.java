package de.efa.infra.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;

/**
 * Changes to a running realm through Keycloak's admin REST API, as the stack's bootstrap administrator: for tests on
 * a throw-away stack that need what the demo realm deliberately does not offer, without touching the clients the
 * demo accounts use.
 */
public final class RealmAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientsUrl;
    private final String token;

    private RealmAdmin(String clientsUrl, String token) {
        this.clientsUrl = clientsUrl;
        this.token = token;
    }

    /**
     * Makes the client {@code copyId} a copy of the client {@code clientId} (its flows, protocol mappers and client
     * scopes) with the given client attributes on top, e.g. {@code access.token.lifespan}: created, or replaced
     * where a copy of that id exists already, so that it always has the attributes asked for.
     *
     * @param realmUrl the realm's URL, {@code http://host:port/realms/<realm>}
     */
    public static void copyClient(String realmUrl, String clientId, String copyId, Map<String, String> attributes) {
        RealmAdmin admin = of(realmUrl);
        ObjectNode copy = admin.client(clientId).orElseThrow(() -> new IllegalStateException(
                "the realm " + realmUrl + " has no client " + clientId));
        copy.remove("id");
        copy.path("protocolMappers").forEach(mapper -> ((ObjectNode) mapper).remove("id"));
        copy.put("clientId", copyId);
        ObjectNode copiedAttributes = copy.get("attributes") instanceof ObjectNode existing ? existing
                : copy.putObject("attributes");
        attributes.forEach(copiedAttributes::put);
        Optional<ObjectNode> earlier = admin.client(copyId);
        if (earlier.isPresent()) {
            admin.send("PUT", "/" + earlier.get().path("id").asText(), copy, 204);
        } else {
            admin.send("POST", "", copy, 201);
        }
    }

    private static RealmAdmin of(String realmUrl) {
        int realms = realmUrl.lastIndexOf("/realms/");
        if (realms < 0 || realmUrl.endsWith("/")) {
            throw new IllegalArgumentException("not a realm's URL (http://host:port/realms/<realm>): " + realmUrl);
        }
        String server = realmUrl.substring(0, realms);
        String token = TokenClient.passwordGrant(server + "/realms/master", "admin-cli",
                KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
        return new RealmAdmin(server + "/admin" + realmUrl.substring(realms) + "/clients", token);
    }

    private Optional<ObjectNode> client(String clientId) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(clientsUrl + "?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).GET(), 200);
        try {
            return JSON.readTree(found.body()).path(0) instanceof ObjectNode client ? Optional.of(client)
                    : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the clients at " + clientsUrl + " are not JSON: " + found.body(), e);
        }
    }

    private void send(String method, String path, JsonNode body, int expected) {
        try {
            send(HttpRequest.newBuilder(URI.create(clientsUrl + path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), expected);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the client " + body.path("clientId") + ": " + e, e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's admin API did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a call of Keycloak's admin API", e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Keycloak's admin API answered " + response.request().method() + " "
                    + response.request().uri() + " with HTTP " + response.statusCode() + " instead of " + expected
                    + ": " + response.body());
        }
        return response;
    }
}
