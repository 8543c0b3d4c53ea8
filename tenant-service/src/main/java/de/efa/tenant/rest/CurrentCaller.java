package de.efa.tenant.rest;

import de.efa.tenant.service.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** The {@link Caller} of the current request, from its bearer token: roles from the realm, the {@code ags} claim. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        Optional<String> ags = Optional.ofNullable(token.<Object>getClaim("ags")).map(Object::toString);
        String name = token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        return new Caller(name, identity.getRoles(), ags);
    }
}
