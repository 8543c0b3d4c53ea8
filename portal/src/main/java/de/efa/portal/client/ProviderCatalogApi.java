package de.efa.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The catalog-service as the logged-in provider's staff: its own services in every status, and changing them. */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(CatalogProblems.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/services")
public interface ProviderCatalogApi {

    @GET
    Page<CatalogService> services(@QueryParam("providerId") String providerId, @QueryParam("sort") String sort,
                                  @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    CatalogService service(@PathParam("id") String id);

    @POST
    CatalogService create(ServiceRequest service);

    @PUT
    @Path("/{id}")
    CatalogService replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ServiceRequest service);

    @POST
    @Path("/{id}/publish")
    CatalogService publish(@PathParam("id") String id);

    @POST
    @Path("/{id}/deprecate")
    CatalogService deprecate(@PathParam("id") String id);
}
