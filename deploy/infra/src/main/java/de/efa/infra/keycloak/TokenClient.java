package de.efa.infra.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from a Keycloak realm, fetched the way the README's demo accounts are meant to be used: the
 * password grant for users (through the public client {@code efa-portal}), client credentials for API clients.
 */
public final class TokenClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenClient() {
    }

    public static String passwordGrant(String realmUrl, String clientId, String username, String password) {
        return requestToken(realmUrl, Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", password));
    }

    public static String clientCredentials(String realmUrl, String clientId, String secret) {
        return clientCredentials(realmUrl, clientId, secret, null);
    }

    /** A client-credentials token with an optional client scope of the client, e.g. {@code broker-akdb}; null: none. */
    public static String clientCredentials(String realmUrl, String clientId, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (scope != null) {
            form.put("scope", scope);
        }
        return requestToken(realmUrl, form);
    }

    /** The payload of a JWT, unverified: meant for assertions on a token that was just fetched, not for trust. */
    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT (header.payload.signature)");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("the token's payload is not JSON: " + e.getMessage(), e);
        }
    }

    private static String requestToken(String realmUrl, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("token request to " + realmUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a token request", e);
        }
        if (response.statusCode() != 200) {
            throw new TokenRefusedException(response.statusCode(), response.body());
        }
        try {
            JsonNode token = JSON.readTree(response.body()).path("access_token");
            if (!token.isTextual()) {
                throw new IllegalStateException("token response without access_token: " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new IllegalStateException("token response is not JSON: " + response.body(), e);
        }
    }

    private static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Keycloak answered the token request with an error, e.g. 401 {@code invalid_grant} for a wrong password. */
    public static final class TokenRefusedException extends RuntimeException {

        private final int status;

        public TokenRefusedException(int status, String body) {
            super("token request refused with HTTP " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
