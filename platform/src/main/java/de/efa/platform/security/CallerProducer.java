package de.efa.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The {@link Caller} of the current request, from its bearer token: roles from the realm, the scoping claims. It is
 * {@code @Dependent} (a record cannot be proxied), so inject it only into a bean that lives for one request, such as
 * a {@code @RequestScoped} resource, and hand it on to the services: a resource without a scope is a singleton in
 * Quarkus REST and would keep the caller of its first request.
 */
@ApplicationScoped
public class CallerProducer {

    @Produces
    @Dependent
    Caller caller(SecurityIdentity identity, JsonWebToken token) {
        if (identity.isAnonymous()) {
            return Caller.anonymous();
        }
        String subject = token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        return new Caller(subject, identity.getRoles(), claim(token, "ags"), claim(token, "provider_id"),
                claim(token, "bundler_id"));
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        return Optional.ofNullable(token.<Object>getClaim(name)).map(Object::toString);
    }
}
