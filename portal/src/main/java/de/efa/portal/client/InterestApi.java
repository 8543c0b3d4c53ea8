package de.efa.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The tenant-service's inbox of interests in the logged-in provider's services, and the provider's answers. */
@RegisterRestClient(configKey = "tenant")
@RegisterProvider(TenantProblems.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/provider/interests")
public interface InterestApi {

    @GET
    Page<Interest> interests(@QueryParam("status") String status, @QueryParam("page") int page,
                             @QueryParam("size") int size);

    @POST
    @Path("/{id}/offer")
    Interest offer(@PathParam("id") String id, Interest.Offer offer);

    @POST
    @Path("/{id}/decline")
    Interest decline(@PathParam("id") String id, Interest.Decline decline);
}
