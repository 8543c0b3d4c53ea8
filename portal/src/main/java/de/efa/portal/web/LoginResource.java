package de.efa.portal.web;

import de.efa.portal.service.Viewer;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Where Keycloak returns to after the login. A person who asked for a page first is sent back to it by the OIDC
 * extension; one who clicked "Anmelden" lands here and goes on to the part of the portal for their role.
 */
@Path("/anmelden")
@Authenticated
public class LoginResource {

    private final Viewer viewer;

    public LoginResource(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    public Response loggedIn() {
        return Response.seeOther(URI.create(viewer.home())).build();
    }
}
