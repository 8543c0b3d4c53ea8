package de.efa.demoprovider.rest;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceQuery;
import de.efa.demoprovider.mapping.InstanceMapper;
import de.efa.demoprovider.mapping.InstancePage;
import de.efa.demoprovider.rest.error.Problem;
import de.efa.demoprovider.service.InstanceListing;
import de.efa.demoprovider.service.InstanceRemoval;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/instances")
@Tag(name = "Instances", description = "What the demo provider holds, for tests, operators and the curious")
@SecurityRequirement(name = BrokerApi.SECURITY)
@Produces(MediaType.APPLICATION_JSON)
public class InstanceResource {

    private final InstanceListing listing;
    private final InstanceRemoval removal;
    private final InstanceMapper mapper;

    public InstanceResource(InstanceListing listing, InstanceRemoval removal, InstanceMapper mapper) {
        this.listing = listing;
        this.removal = removal;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({"marketplace", "operator"})
    @Operation(summary = "List the provider's instances",
            description = "Newest first. Without `state`, the live instances (every state but DELETED); `ags`"
                    + " matches the `ags` of the instance's context. End-to-end tests use it to check that a"
                    + " subscription got exactly one instance. Roles: `marketplace` and `operator`.")
    @APIResponse(responseCode = "200", description = "One page of instances",
            content = @Content(schema = @Schema(implementation = InstancePage.class), examples = @ExampleObject(
                    name = "page", value = "{\"items\":[{\"instance_id\":\"0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\","
                    + "\"provider_id\":\"akdb\","
                    + "\"service_id\":\"5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f\",\"plan_id\":\"standard\",\"state\":\"PROVISIONED\","
                    + "\"context\":{\"platform\":\"efa-marketplace\",\"ags\":\"14713000\",\"tenant_name\":\"Leipzig, Stadt\","
                    + "\"land\":\"14\"},\"parameters\":{},\"suspended\":false,\"dashboard_url\":\"http://localhost:8090/dashboard/"
                    + "0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\",\"created_at\":\"2026-11-26T10:15:31Z\","
                    + "\"updated_at\":\"2026-11-26T10:15:32Z\"}],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "A bad `state`, `page` or `size`; `violations` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token, or one meant for a provider's broker"
            + " (audience `broker-{provider_id}`), which is taken only there",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither role marketplace nor operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InstancePage list(
            @QueryParam("state") @Parameter(description = "PROVISIONING, PROVISIONED, UPDATING, UNUSABLE, FAILED,"
                    + " DEPROVISIONING or DELETED")
            String state,
            @QueryParam("ags") @Parameter(description = "AGS of the tenant", example = "14713000") String ags,
            @QueryParam("service_id") @Parameter(description = "Service id as the platform sent it") String serviceId,
            @QueryParam("plan_id") @Parameter(description = "Plan id as the platform sent it") String planId,
            @QueryParam("page") @Parameter(description = "From 0") String page,
            @QueryParam("size") @Parameter(description = "1 to 100, default 20") String size) {
        return mapper.toPage(listing.list(InstanceQuery.of(state, ags, serviceId, planId, page, size)));
    }

    @DELETE
    @Path("/{instance_id}")
    @RolesAllowed("operator")
    @Operation(summary = "Remove an instance behind the platform's back",
            description = "The instance is DELETED at once, as if the provider had lost it, without the platform"
                    + " asking: fetching it answers 404, deprovisioning it 410. An operation still running is halted,"
                    + " and `last_operation` reports the removal. End-to-end tests use it to see the marketplace find"
                    + " an instance missing at the provider. Role: `operator`.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "An invalid instance id; `violations` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such instance, or it is deleted already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = "{\"type\":"
                            + "\"https://efa-marketplace.de/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"Instance 0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b does not exist or is deleted\","
                            + "\"instance\":\"/instances/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\"}")))
    public void remove(@PathParam("instance_id") @Parameter(description = "The platform's id of the instance")
                       String instanceId) {
        removal.remove(new InstanceId(instanceId));
    }
}
