package de.efa.marketplace.rest;

import de.efa.marketplace.mapping.ReconciliationView;
import de.efa.marketplace.service.ReconciliationService;
import de.efa.platform.problem.Problem;
import de.efa.platform.security.Caller;
import de.efa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Reconciliation runs, started and watched by operators (docs/services.md). */
@Path("/api/v1/provisioning/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "Comparing what the marketplace believes with what the brokers hold; "
        + "operators only")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ProvisioningResource.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller is not an operator",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProvisioningResource.FORBIDDEN)))
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
public class ReconciliationResource {

    private static final String PATH = "/api/v1/provisioning/reconciliations/";

    private final ReconciliationService reconciliations;
    private final Caller caller;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public ReconciliationResource(ReconciliationService reconciliations, Caller caller) {
        this.reconciliations = reconciliations;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start a reconciliation run",
            description = "Role operator. The run fetches every instance the marketplace believes live from its "
                    + "broker (where the broker's catalog says instances_retrievable; the others are named as "
                    + "skipped) and records a finding for each difference, asynchronously (hence 202); follow it at "
                    + "`Location`. While a run is RUNNING, it answers instead of a new one. Runs also start by "
                    + "themselves daily.")
    @APIResponse(responseCode = "202", description = "The run, RUNNING; `Location` names it",
            headers = @Header(name = "Location", description = "The run"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationView.class),
                    examples = @ExampleObject(name = "started", value = """
                            {"id":"2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c","requestedBy":"operator 3f2a9c1e",\
                            "status":"RUNNING","startedAt":"2026-11-27T08:00:00Z","finishedAt":null,\
                            "counts":{"instances":0,"checked":0,"findings":0,"known":0,"inconclusive":0,"busy":0,\
                            "skipped":0},"skippedBrokers":[],"failureReason":null}""")))
    public Response start() {
        ReconciliationView run = reconciliations.request(caller);
        return Response.accepted(run).location(URI.create(PATH + run.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One reconciliation run",
            description = "Role operator. Its status and, once FINISHED, its counts and the brokers it skipped, with "
                    + "the reason (not instances_retrievable, a catalog that could not be read, no broker known). "
                    + "The findings themselves are listed at /api/v1/provisioning/findings.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationView.class),
                    examples = @ExampleObject(name = "finished", value = """
                            {"id":"2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c","requestedBy":"schedule","status":"FINISHED",\
                            "startedAt":"2026-11-27T03:30:00Z","finishedAt":"2026-11-27T03:30:41Z",\
                            "counts":{"instances":120,"checked":100,"findings":2,"known":1,"inconclusive":3,"busy":1,\
                            "skipped":16},"skippedBrokers":[{"brokerUrl":"https://osb.dataport.example",\
                            "reason":"its catalog does not say instances_retrievable","instances":16}],\
                            "failureReason":null}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReconciliationView run(@PathParam("id") String id) {
        return reconciliations.run(id);
    }
}
