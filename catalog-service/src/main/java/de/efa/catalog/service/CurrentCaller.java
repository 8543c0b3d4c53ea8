package de.efa.catalog.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, read once from its bearer token. */
@RequestScoped
public class CurrentCaller {

    private static final String PROVIDER_CLAIM = "provider_id";

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = identity.isAnonymous() ? Caller.anonymous() : fromToken();
        }
        return caller;
    }

    private Caller fromToken() {
        String providerId = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(PROVIDER_CLAIM) : null;
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), providerId);
    }
}
