package de.efa.infra.test;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens shaped like the tokens of the realm {@code efa} (roles in {@code realm_access.roles}, the
 * {@code ags}, {@code provider_id} and {@code bundler_id} claims), signed for Quarkus' OIDC test server
 * ({@code OidcWiremockTestResource}), so that a service's tests need no Keycloak.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    /** The services that check a token's audience, as the realm maps them into its tokens, and the platform's test app. */
    public static final List<String> AUDIENCE = List.of("catalog-service", "tenant-service", "marketplace-service",
            "platform-test");

    private TestTokens() {
    }

    public static String municipality(String ags) {
        return claims("staff-" + ags, "municipality").claim("ags", ags).sign();
    }

    public static String provider(String providerId) {
        return claims("service-account-provider-" + providerId, "provider").claim("provider_id", providerId).sign();
    }

    /** Staff of a bundling organisation, as the realm's user {@code kisa}. */
    public static String bundler(String bundlerId) {
        return claims("staff-" + bundlerId, "bundler").claim("bundler_id", bundlerId).sign();
    }

    public static String operator() {
        return claims("operator", "operator").sign();
    }

    public static String marketplace() {
        return claims("service-account-marketplace-service", "marketplace").sign();
    }

    /**
     * The marketplace's token for the broker of one provider, as the realm issues it for the scope
     * {@code broker-{providerId}}: its audience is that broker only.
     */
    public static String marketplaceAtBroker(String providerId) {
        return claims("service-account-marketplace-service", "marketplace")
                .audience(Set.of("broker-" + providerId)).sign();
    }

    /** A valid token with no product role at all. */
    public static String withoutRole() {
        return claims("nobody").sign();
    }

    /** The claims of a valid access token, for tests that change one of them. */
    public static JwtClaimsBuilder claims(String username, String... roles) {
        return Jwt.preferredUserName(username)
                .subject(username)
                .issuer(ISSUER)
                .audience(Set.copyOf(AUDIENCE))
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }
}
