package de.efa.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The tenant-service's rollouts with the logged-in person's token: one plan subscribed for many municipalities at
 * once, by an operator for any, by a bundler for its clients.
 */
@RegisterRestClient(configKey = "tenant")
@RegisterProvider(TenantProblems.class)
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/rollouts")
public interface RolloutApi {

    /** 202 with the rollout; the same key with the same request answers the rollout it started before. */
    @POST
    Rollout start(@HeaderParam("Idempotency-Key") String idempotencyKey, RolloutRequest request);

    /** Newest first: an operator's are all of them, a bundler's those it started. */
    @GET
    Page<Rollout> rollouts(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    Rollout rollout(@PathParam("id") String id);

    /** The municipalities of a rollout in AGS order; {@code status} null leaves none out. */
    @GET
    @Path("/{id}/items")
    Page<Rollout.Item> items(@PathParam("id") String id, @QueryParam("status") String status,
                             @QueryParam("page") int page, @QueryParam("size") int size);
}
