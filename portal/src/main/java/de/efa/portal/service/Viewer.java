package de.efa.portal.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking at the page: anonymous, or a logged-in person with the role and scope claims of their access
 * token, the same claims the services authorize by. Templates read it as {@code inject:viewer}.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    public static final String MUNICIPALITY = "municipality";
    public static final String BUNDLER = "bundler";
    public static final String PROVIDER = "provider";
    public static final String OPERATOR = "operator";

    private final SecurityIdentity identity;
    private final JsonWebToken accessToken;

    public Viewer(SecurityIdentity identity, JsonWebToken accessToken) {
        this.identity = identity;
        this.accessToken = accessToken;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public boolean isMunicipality() {
        return identity.hasRole(MUNICIPALITY) && ags() != null;
    }

    public boolean isBundler() {
        return identity.hasRole(BUNDLER) && bundlerId() != null;
    }

    public boolean isProvider() {
        return identity.hasRole(PROVIDER) && providerId() != null;
    }

    public boolean isOperator() {
        return identity.hasRole(OPERATOR);
    }

    /** The municipality's AGS, or null. */
    public String ags() {
        return claim("ags");
    }

    /** The bundler's id, or null. */
    public String bundlerId() {
        return claim("bundler_id");
    }

    /** The provider's id, or null. */
    public String providerId() {
        return claim("provider_id");
    }

    public String displayName() {
        String name = claim("name");
        return name != null ? name : claim("preferred_username");
    }

    /** Where a person lands after logging in: the part of the portal for their role. */
    public String home() {
        if (isOperator()) {
            return "/betrieb";
        }
        if (isProvider()) {
            return "/anbieter";
        }
        if (isBundler()) {
            return "/buendler";
        }
        return isMunicipality() ? "/kommune" : "/";
    }

    private String claim(String name) {
        if (!isLoggedIn()) {
            return null;
        }
        Object value = accessToken.getClaim(name);
        // Claims that Quarkus keeps as JSON values print with their quotes.
        return value instanceof JsonString text ? text.getString() : value == null ? null : value.toString();
    }
}
