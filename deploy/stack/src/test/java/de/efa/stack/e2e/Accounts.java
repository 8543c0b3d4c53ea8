package de.efa.stack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.infra.keycloak.RealmAdmin;
import de.efa.infra.keycloak.TokenClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens of the README's demo accounts from the stack's Keycloak, fetched once per account. */
public final class Accounts {

    private static final String PORTAL = "efa-portal";
    /** A copy of the portal client made by the tests, whose access tokens live one second. */
    private static final String ONE_SECOND_PORTAL = "efa-portal-one-second";
    private static final Map<String, String> CLIENT_SECRETS = Map.of(
            "provider-akdb", "akdb-secret",
            "provider-dataport", "dataport-secret",
            "marketplace-service", "marketplace-secret");

    private final String realmUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Accounts(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** A user's token (password grant through the public client); demo users' passwords are their names. */
    public String user(String username) {
        return tokens.computeIfAbsent(username, name -> TokenClient.passwordGrant(realmUrl, PORTAL, name, name));
    }

    /**
     * A user's token that has expired: issued through a copy of the portal client with a lifespan of one second, and
     * returned once it is a second past its expiry, so that no service can take it for valid on any clock skew the
     * services allow (none).
     */
    public String expiredUser(String username) {
        RealmAdmin.copyClient(realmUrl, PORTAL, ONE_SECOND_PORTAL, Map.of("access.token.lifespan", "1"));
        String token = TokenClient.passwordGrant(realmUrl, ONE_SECOND_PORTAL, username, username);
        JsonNode claims = TokenClient.claims(token);
        long lifespan = claims.path("exp").asLong() - claims.path("iat").asLong();
        if (lifespan > 1) {
            throw new IllegalStateException("Keycloak issued a token for " + lifespan + " s, not for 1 s");
        }
        Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(claims.path("exp").asLong() + 1));
        if (!wait.isNegative()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a token expired", e);
            }
        }
        return token;
    }

    /** A client's token (client-credentials grant). */
    public String client(String clientId) {
        return tokens.computeIfAbsent(clientId,
                id -> TokenClient.clientCredentials(realmUrl, id, CLIENT_SECRETS.get(id)));
    }
}
