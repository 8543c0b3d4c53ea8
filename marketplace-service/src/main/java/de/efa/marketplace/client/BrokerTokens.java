package de.efa.marketplace.client;

import de.efa.marketplace.config.ProvisioningConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens of the {@code marketplace-service} client (client credentials), one per provider: each is asked
 * for the scope {@code broker-{providerId}}, whose audience is that provider's broker alone, so that a broker cannot
 * use a token it received at another provider's broker. Each is fetched once and renewed shortly before it expires.
 */
@ApplicationScoped
public class BrokerTokens {

    private final OidcClient oidcClient;
    private final Duration timeout;
    private final Map<String, TokensHelper> byProvider = new ConcurrentHashMap<>();

    public BrokerTokens(OidcClient oidcClient, ProvisioningConfig config) {
        this.oidcClient = oidcClient;
        this.timeout = config.tokenTimeout();
    }

    /** The scope that gives a token for the broker of {@code providerId}. */
    private static String scope(String providerId) {
        return "broker-" + providerId;
    }

    /**
     * The token for the broker of {@code providerId}; throws when no provider is known, or when the identity provider
     * gives none within {@code efa.provisioning.token-timeout}.
     */
    public String accessToken(String providerId) {
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("the broker's provider is not known, so no token can be asked for it");
        }
        return byProvider.computeIfAbsent(providerId, id -> new TokensHelper())
                .getTokens(oidcClient, Map.of("scope", scope(providerId)), false)
                .await().atMost(timeout).getAccessToken();
    }
}
