package de.efa.portal;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Quarkus' OIDC test server (WireMock), started once for every test of the portal. The same WireMock server stands
 * in for the three services' APIs: the portal's base URLs point at it in the test profile.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class OidcServer {

    private OidcServer() {
    }
}
