package de.efa.marketplace.client;

import de.efa.marketplace.config.ProvisioningConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The bearer token of the {@code marketplace-service} client (client credentials), fetched once and renewed
 * shortly before it expires, shared by every broker call.
 */
@ApplicationScoped
public class BrokerTokens {

    private final OidcClient oidcClient;
    private final Duration timeout;
    private final TokensHelper tokens = new TokensHelper();

    public BrokerTokens(OidcClient oidcClient, ProvisioningConfig config) {
        this.oidcClient = oidcClient;
        this.timeout = config.tokenTimeout();
    }

    /** The token; throws when the identity provider gives none within {@code efa.provisioning.token-timeout}. */
    public String accessToken() {
        return tokens.getTokens(oidcClient).await().atMost(timeout).getAccessToken();
    }
}
