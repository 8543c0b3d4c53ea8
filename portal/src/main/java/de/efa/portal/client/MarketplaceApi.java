package de.efa.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The marketplace-service with the operator's token: provisioning jobs, figures, dead letters, and the findings of
 * reconciliation runs.
 */
@RegisterRestClient(configKey = "marketplace")
@RegisterProvider(MarketplaceProblems.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/provisioning")
public interface MarketplaceApi {

    @GET
    @Path("/jobs")
    Page<Job> jobs(@QueryParam("status") String status, @QueryParam("ags") String ags,
                   @QueryParam("serviceId") String serviceId, @QueryParam("page") int page,
                   @QueryParam("size") int size);

    @GET
    @Path("/jobs/{id}")
    Job job(@PathParam("id") String id);

    @POST
    @Path("/jobs/{id}/retry")
    Job retry(@PathParam("id") String id);

    @GET
    @Path("/stats")
    Stats stats();

    @GET
    @Path("/dead-letters")
    Page<DeadLetter> deadLetters(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Newest first; {@code kind} and {@code resolved} (true, false) leave out nothing when null. */
    @GET
    @Path("/findings")
    Page<Finding> findings(@QueryParam("kind") String kind, @QueryParam("resolved") String resolved,
                           @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/findings/{id}/resolve")
    Finding resolve(@PathParam("id") String id, Finding.Resolution resolution);

    /** Starts a run, or answers the one running (202). */
    @POST
    @Path("/reconciliations")
    Reconciliation reconcile();

    @GET
    @Path("/reconciliations/{id}")
    Reconciliation reconciliation(@PathParam("id") String id);
}
