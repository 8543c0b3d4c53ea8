package de.efa.tenant.rest;

import de.efa.platform.idempotency.Answer;
import de.efa.platform.idempotency.Idempotency;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.IdempotentResponses;
import de.efa.platform.rest.Scopes;
import de.efa.platform.security.Caller;
import de.efa.tenant.mapping.RolloutItemView;
import de.efa.tenant.mapping.RolloutRequest;
import de.efa.tenant.mapping.RolloutView;
import de.efa.tenant.service.RolloutService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rollouts", description = "One plan for many tenants at once, each subscribed as if it had subscribed "
        + "itself")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A token without the role `operator` or `bundler`, or a bundler "
        + "token without `bundler_id`",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RequestScoped
public class RolloutResource {

    private static final String ROLLOUT_EXAMPLE = """
            {"id":"0f8e3c5a-6d0b-4c4e-9b7f-3f2a1d5c7e90","serviceId":"5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41",
             "planId":"standard","status":"RUNNING","select":{"kreis":"14713"},"requestedBy":"operator 3f6a1c52",
             "counts":{"selected":218,"pending":0,"subscribed":12,"active":190,"interestDeclared":0,"failed":1,
                       "skipped":15},
             "createdAt":"2026-12-01T03:00:00Z","finishedAt":null}""";

    private final RolloutService rollouts;
    private final Idempotency idempotency;
    private final Caller caller;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public RolloutResource(RolloutService rollouts, Idempotency idempotency, Caller caller) {
        this.rollouts = rollouts;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** What an Idempotency-Key is bound to besides the caller. */
    record Fingerprint(String operation, RolloutRequest body) {
    }

    @POST
    @RolesAllowed({"operator", "bundler"})
    @Operation(summary = "Roll out a plan to many tenants", description = """
            Roles: `operator` (any tenants) and `bundler` (only its clients: the municipalities that gave it a \
            mandate). `select` names the tenants; each field given must hold: `all` (every tenant; operators \
            only), `land` (two-digit code), `kreis` (the first 5 digits of the AGS), `ags` (a list) and \
            `clientsOf` (a bundler's clients). A bundler's `land` and `kreis` are narrowed to its clients; `all`, \
            another bundler's `clientsOf` or an `ags` of a municipality that gave it no mandate is 403. What is the \
            same for every tenant is checked now: the service (422 when unknown, 409 when not PUBLISHED), the plan \
            (422), the parameters against its schema (422, each violation naming the field), and for a plan with \
            TERMS the terms (an operator cannot accept them, 422; a bundler names their current version in \
            `acceptedTerms`, 422 otherwise). The rollout is stored with one PENDING item per selected AGS and \
            answered at once (202); a worker then subscribes each ACTIVE tenant exactly as if it had subscribed \
            itself (same rules, events, history, price and audit, in the caller's name), a plan with INTEREST \
            declaring its interest. A tenant that cannot subscribe (not ACTIVE, subscribed already, no Leitweg-ID \
            for a plan with a contract, the service not offered in its Land, an AGS no tenant has) is SKIPPED with \
            the reason. Items become ACTIVE or FAILED with the first provisioning of their subscription; the \
            rollout is DONE when every item is final. Accepts an `Idempotency-Key`: the same key and body within \
            24 h give the first answer again, marked `Idempotent-Replayed: true`, and start nothing.""")
    @APIResponse(responseCode = "202", description = "Started (or DONE at once when nothing matched); `Location` "
            + "names the rollout",
            headers = @Header(name = "Location", description = "The rollout",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RolloutView.class),
                    examples = @ExampleObject(name = "started", value = """
                            {"id":"0f8e3c5a-6d0b-4c4e-9b7f-3f2a1d5c7e90",
                             "serviceId":"5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41","planId":"standard",
                             "status":"RUNNING","select":{"kreis":"14713"},"requestedBy":"operator 3f6a1c52",
                             "counts":{"selected":218,"pending":218,"subscribed":0,"active":0,"interestDeclared":0,
                                       "failed":0,"skipped":0},
                             "createdAt":"2026-12-01T03:00:00Z","finishedAt":null}""")))
    @APIResponse(responseCode = "400", description = "Missing serviceId/planId, parameters not an object, a "
            + "malformed `select.land`, `select.kreis` or `select.ags[i]`, an unknown JSON field, or a malformed "
            + "`Idempotency-Key`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The service is not PUBLISHED, or the plan's schema cannot be "
            + "used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An empty selection or an unknown `clientsOf` "
            + "(`invalid-selection`), an unknown service (`unknown-service`) or plan (`unknown-plan`), parameters the "
            + "plan's schema refuses (`invalid-parameters`), a plan with TERMS rolled out by an operator or without "
            + "its current terms accepted (`terms-not-accepted`), or an Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "empty selection", value = """
                            {"type":"https://efa-marketplace.de/problems/invalid-selection",
                             "title":"Invalid selection","status":422,
                             "detail":"The selection names no tenants as asked","instance":"/api/v1/rollouts",
                             "violations":[{"field":"select","message":"must name at least one of all, land, kreis, ags and clientsOf"}]}""")))
    public Response start(
            @Parameter(description = "Makes a retried rollout safe") @HeaderParam(IdempotentResponses.KEY) String key,
            RolloutRequest request) {
        RolloutRequest body = request == null ? new RolloutRequest(null, null, null, null, null) : request;
        Answer answer = idempotency.once(caller, key, new Fingerprint("rollout", body), () -> {
            RolloutView rollout = rollouts.start(caller, body);
            return Answer.first(202, "/api/v1/rollouts/" + rollout.id(), null, idempotency.body(rollout));
        });
        return IdempotentResponses.of(answer);
    }

    @GET
    @RolesAllowed({"operator", "bundler"})
    @Operation(summary = "List rollouts", description = "Roles: `operator` (every rollout) and `bundler` (those it "
            + "ordered). Newest first, each with its current counts.")
    @APIResponse(responseCode = "200", description = "One page of rollouts",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = RolloutView.class))))
    @APIResponse(responseCode = "400", description = "A page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RolloutView> list(@Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return rollouts.list(caller, PageRequest.parse(page, size));
    }

    @GET
    @Path("/{id}")
    @Extension(name = Scopes.EXTENSION, value = Scopes.ROLLOUT, parseValue = true)
    @RolesAllowed({"operator", "bundler"})
    @Operation(summary = "Get a rollout with its progress", description = "Roles: `operator` and `bundler` (only one "
            + "it ordered). The counts are current: each item counts once, in its status now.")
    @APIResponse(responseCode = "200", description = "The rollout",
            content = @Content(schema = @Schema(implementation = RolloutView.class),
                    examples = @ExampleObject(name = "running", value = ROLLOUT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such rollout, or one another bundler ordered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RolloutView get(@PathParam("id") UUID id) {
        return rollouts.get(caller, id);
    }

    @GET
    @Path("/{id}/items")
    @Extension(name = Scopes.EXTENSION, value = Scopes.ROLLOUT, parseValue = true)
    @RolesAllowed({"operator", "bundler"})
    @Operation(summary = "List a rollout's items", description = "Roles: `operator` and `bundler` (only of a rollout "
            + "it ordered). Each selected AGS with its status, the subscription made for it and why it was SKIPPED "
            + "or FAILED; in AGS order, optionally of one status.")
    @APIResponse(responseCode = "200", description = "One page of items",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = RolloutItemView.class)),
                    examples = @ExampleObject(name = "items", value = """
                            {"items":[{"ags":"14713000","tenantName":"Leipzig, Stadt","status":"ACTIVE",
                                       "subscriptionId":"0b9f4a6e-2c7d-4e1a-8f3b-5d6c7e8f9a0b","reason":null}],
                             "page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "An unknown `status`, or a page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such rollout, or one another bundler ordered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RolloutItemView> items(@PathParam("id") UUID id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "SUBSCRIBED", "ACTIVE",
                    "INTEREST_DECLARED", "FAILED", "SKIPPED"})) @QueryParam("status") String status,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return rollouts.items(caller, id, status, PageRequest.parse(page, size));
    }
}
