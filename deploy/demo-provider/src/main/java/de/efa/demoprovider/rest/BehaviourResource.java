package de.efa.demoprovider.rest;

import de.efa.demoprovider.mapping.BehaviourMapper;
import de.efa.demoprovider.mapping.BehaviourView;
import de.efa.demoprovider.rest.error.Problem;
import de.efa.demoprovider.service.BehaviourSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/behaviour")
@Tag(name = "Fault injection", description = "Switch the broker's injected faults, failing updates and its provisioning"
        + " time at run time")
@SecurityRequirement(name = BrokerApi.SECURITY)
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class BehaviourResource {

    private static final String EXAMPLE =
            "{\"error_rate\":0.2,\"slow_rate\":0.1,\"slow_delay_ms\":2000,\"provisioning_time_ms\":1000}";
    private static final String FAILING_UPDATES_EXAMPLE = "{\"error_rate\":0.0,\"slow_rate\":0.0,\"slow_delay_ms\":0,"
            + "\"provisioning_time_ms\":1000,\"failing_updates\":{\"service_id\":\"5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f\","
            + "\"instance_usable\":false}}";

    private final BehaviourSettings settings;

    public BehaviourResource(BehaviourSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "The behaviour in force", description = "Role: `operator`.")
    @APIResponse(responseCode = "200", description = "The current settings",
            content = @Content(schema = @Schema(implementation = BehaviourView.class),
                    examples = @ExampleObject(name = "chaos", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BehaviourView current() {
        return BehaviourMapper.toView(settings.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the behaviour",
            description = "Replaces every setting at once, effective for the next broker call and the next operation"
                    + " started. Kept until the next change or a restart, which goes back to the configuration"
                    + " (`demo-provider.faults.*`, `demo-provider.provisioning-time`). With `failing_updates`, every"
                    + " update started from then on (of the instances of `service_id`, or of all) ends `failed`:"
                    + " the instance keeps its plan, parameters and suspension, and `last_operation` says"
                    + " `instance_usable` as given (false leaves the instance UNUSABLE); without it, updates succeed."
                    + " Role: `operator`.")
    @APIResponse(responseCode = "200", description = "The settings now in force",
            content = @Content(schema = @Schema(implementation = BehaviourView.class), examples = {
                    @ExampleObject(name = "chaos", value = EXAMPLE),
                    @ExampleObject(name = "failingUpdates", value = FAILING_UPDATES_EXAMPLE)}))
    @APIResponse(responseCode = "400", description = "A missing, unknown or out-of-range field; `violations` names it;"
            + " nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BehaviourView replace(BehaviourView body) {
        return BehaviourMapper.toView(settings.replace(BehaviourMapper.toDomain(body)));
    }

    @DELETE
    @Operation(summary = "Back to the configured behaviour", description = "Role: `operator`.")
    @APIResponse(responseCode = "200", description = "The configured settings, now in force",
            content = @Content(schema = @Schema(implementation = BehaviourView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BehaviourView reset() {
        return BehaviourMapper.toView(settings.reset());
    }
}
