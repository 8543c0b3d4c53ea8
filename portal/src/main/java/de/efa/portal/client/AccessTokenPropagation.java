package de.efa.portal.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the logged-in person's access token (from the authorization code flow) as the bearer token, so that each
 * service authorizes the person, not the portal. Quarkus' token propagation extension does the same, but its
 * 3.33.2 release cannot be resolved from Maven Central (its parent POM is missing). Without a login nothing is
 * added, and the service's 401 leads to the page asking to log in again.
 */
@ApplicationScoped
public class AccessTokenPropagation implements ClientRequestFilter {

    private final CurrentIdentityAssociation identities;

    public AccessTokenPropagation(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = identities.getIdentity();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
