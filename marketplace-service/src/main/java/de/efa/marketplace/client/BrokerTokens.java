package de.efa.marketplace.client;

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

    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);

    private final OidcClient oidcClient;
    private final TokensHelper tokens = new TokensHelper();

    public BrokerTokens(OidcClient oidcClient) {
        this.oidcClient = oidcClient;
    }

    public String accessToken() {
        return tokens.getTokens(oidcClient).await().atMost(TOKEN_TIMEOUT).getAccessToken();
    }
}
