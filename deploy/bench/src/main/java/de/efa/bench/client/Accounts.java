package de.efa.bench.client;

import de.efa.infra.keycloak.TokenClient;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Real access tokens of the realm's demo accounts, renewed a minute before they expire: a benchmark outlives the
 * realm's 15-minute tokens.
 */
public final class Accounts {

    private static final String PORTAL = "efa-portal";
    private static final long RENEW_BEFORE_SECONDS = 60;
    private static final Map<String, String> CLIENT_SECRETS = Map.of(
            "provider-akdb", "akdb-secret",
            "provider-dataport", "dataport-secret",
            "marketplace-service", "marketplace-secret");
    /** The marketplace's token is for the broker of akdb, the provider whose broker path the fuzzer calls. */
    private static final Map<String, String> CLIENT_SCOPES = Map.of("marketplace-service", "broker-akdb");

    /** One account per role (docs/services.md), for requests that try every role. */
    public static final Map<String, String> ACCOUNT_BY_ROLE = Map.of(
            "municipality", "leipzig",
            "provider", "provider-akdb",
            "operator", "operator",
            "marketplace", "marketplace-service");

    private final String realmUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public Accounts(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    public Supplier<String> operator() {
        return account("operator");
    }

    /** A token supplier of a demo user ({@code leipzig}, {@code operator} …) or client ({@code provider-akdb} …). */
    public Supplier<String> account(String name) {
        return () -> tokens.compute(name, (key, token) -> token == null || token.expiresSoon() ? fetch(key) : token)
                .value();
    }

    /** The provider client whose token carries {@code provider_id=<providerId>}. */
    public Supplier<String> provider(String providerId) {
        return account("provider-" + providerId);
    }

    private Token fetch(String name) {
        String secret = CLIENT_SECRETS.get(name);
        String value = secret == null
                ? TokenClient.passwordGrant(realmUrl, PORTAL, name, name)
                : TokenClient.clientCredentials(realmUrl, name, secret, CLIENT_SCOPES.get(name));
        return new Token(value, Instant.ofEpochSecond(TokenClient.claims(value).path("exp").asLong()));
    }

    private record Token(String value, Instant expiresAt) {
        boolean expiresSoon() {
            return Instant.now().plusSeconds(RENEW_BEFORE_SECONDS).isAfter(expiresAt);
        }
    }
}
