package de.efa.portal.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The tenant-service with the logged-in person's token: tenants, their mandates and their subscriptions. */
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

    /** The tenant with its ETag, which a change of its invoice address must name. */
    @GET
    @Path("/{ags}")
    RestResponse<Tenant> versionedTenant(@PathParam("ags") String ags);

    @PUT
    @Path("/{ags}/invoice-address")
    Tenant changeInvoiceAddress(@PathParam("ags") String ags, @HeaderParam("If-Match") String ifMatch,
                                InvoiceAddress address);

    @POST
    @Path("/{ags}/approve")
    Tenant approve(@PathParam("ags") String ags);

    @POST
    @Path("/{ags}/suspend")
    Tenant suspend(@PathParam("ags") String ags);

    @POST
    @Path("/{ags}/reactivate")
    Tenant reactivate(@PathParam("ags") String ags);

    @GET
    @Path("/{ags}/mandates")
    Page<Mandate> mandates(@PathParam("ags") String ags, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/{ags}/mandates")
    Mandate grant(@PathParam("ags") String ags, Mandate.Grant grant);

    @DELETE
    @Path("/{ags}/mandates/{bundlerId}")
    void revoke(@PathParam("ags") String ags, @PathParam("bundlerId") String bundlerId);

    @POST
    @Path("/{ags}/subscriptions")
    Subscription subscribe(@PathParam("ags") String ags, SubscribeRequest request);

    @GET
    @Path("/{ags}/subscriptions")
    Page<Subscription> subscriptions(@PathParam("ags") String ags, @QueryParam("page") int page,
                                     @QueryParam("size") int size);

    /** The subscription with its ETag, which a change of its plan or configuration must name. */
    @GET
    @Path("/{ags}/subscriptions/{id}")
    RestResponse<Subscription> versionedSubscription(@PathParam("ags") String ags, @PathParam("id") String id);

    /** 202 when the change goes to the provider, 200 when it would change nothing. */
    @PATCH
    @Path("/{ags}/subscriptions/{id}")
    RestResponse<Subscription> change(@PathParam("ags") String ags, @PathParam("id") String id,
                                      @HeaderParam("If-Match") String ifMatch, ChangeRequest change);

    @POST
    @Path("/{ags}/subscriptions/{id}/conclude")
    Subscription conclude(@PathParam("ags") String ags, @PathParam("id") String id, ConcludeRequest request);

    /** Cancels an active subscription, or withdraws an interest or an offer, in the version named (412 otherwise). */
    @DELETE
    @Path("/{ags}/subscriptions/{id}")
    Subscription cancel(@PathParam("ags") String ags, @PathParam("id") String id,
                        @HeaderParam("If-Match") String ifMatch);

    /** Sends a FAILED subscription to the provider again. */
    @POST
    @Path("/{ags}/subscriptions/{id}/resubmit")
    Subscription resubmit(@PathParam("ags") String ags, @PathParam("id") String id);
}
