package de.efa.portal.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The tenant-service with the logged-in person's token: tenants and their subscriptions. */
@RegisterRestClient(configKey = "tenant")
@RegisterProvider(TenantProblems.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/tenants")
public interface TenantApi {

    @POST
    Tenant register(TenantRegistration registration);

    @GET
    Page<Tenant> tenants(@QueryParam("status") String status, @QueryParam("page") int page,
                         @QueryParam("size") int size);

    @GET
    @Path("/{ags}")
    Tenant tenant(@PathParam("ags") String ags);

    @POST
    @Path("/{ags}/approve")
    Tenant approve(@PathParam("ags") String ags);

    @POST
    @Path("/{ags}/subscriptions")
    Subscription subscribe(@PathParam("ags") String ags, SubscribeRequest request);

    @GET
    @Path("/{ags}/subscriptions")
    Page<Subscription> subscriptions(@PathParam("ags") String ags, @QueryParam("page") int page,
                                     @QueryParam("size") int size);

    @GET
    @Path("/{ags}/subscriptions/{id}")
    Subscription subscription(@PathParam("ags") String ags, @PathParam("id") String id);

    @DELETE
    @Path("/{ags}/subscriptions/{id}")
    Subscription cancel(@PathParam("ags") String ags, @PathParam("id") String id);
}
