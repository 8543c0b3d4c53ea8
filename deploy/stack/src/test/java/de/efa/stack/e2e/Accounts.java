package de.efa.stack.e2e;

import de.efa.infra.keycloak.TokenClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens of the README's demo accounts from the stack's Keycloak, fetched once per account. */
public final class Accounts {

    private static final String PORTAL = "efa-portal";
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

    /** A client's token (client-credentials grant). */
    public String client(String clientId) {
        return tokens.computeIfAbsent(clientId,
                id -> TokenClient.clientCredentials(realmUrl, id, CLIENT_SECRETS.get(id)));
    }
}
