package de.efa.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * The public part of the catalog-service, called without a token: what anyone may see, the same for every
 * visitor, so that the Schaufenster never shows a provider's drafts.
 */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(CatalogProblems.class)
@Path("/api/v1")
public interface CatalogApi {

    @GET
    @Path("/services")
    Page<CatalogService> search(@QueryParam("q") String q, @QueryParam("themenfeld") String themenfeld,
                                @QueryParam("land") String land, @QueryParam("leika") String leika,
                                @QueryParam("page") int page, @QueryParam("size") int size);

    /** The same search, asynchronous, so that the counts per Themenfeld are asked for at once. */
    @GET
    @Path("/services")
    Uni<Page<CatalogService>> searchAsync(@QueryParam("q") String q, @QueryParam("themenfeld") String themenfeld,
                                          @QueryParam("land") String land, @QueryParam("leika") String leika,
                                          @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/services/{id}")
    CatalogService service(@PathParam("id") String id);

    @GET
    @Path("/themenfelder")
    List<Themenfeld> themenfelder();
}
