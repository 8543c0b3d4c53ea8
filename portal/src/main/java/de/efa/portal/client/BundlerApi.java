package de.efa.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The tenant-service as a bundler's staff: the bundler itself and the municipalities that gave it a mandate. */
@RegisterRestClient(configKey = "tenant")
@RegisterProvider(TenantProblems.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/bundlers/{id}")
public interface BundlerApi {

    @GET
    Bundler bundler(@PathParam("id") String id);

    @GET
    @Path("/clients")
    Page<Tenant> clients(@PathParam("id") String id, @QueryParam("page") int page, @QueryParam("size") int size);
}
