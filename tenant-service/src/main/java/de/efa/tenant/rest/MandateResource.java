package de.efa.tenant.rest;

import de.efa.platform.idempotency.Answer;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.IdempotentResponses;
import de.efa.platform.rest.Scopes;
import de.efa.platform.security.Caller;
import de.efa.platform.idempotency.Idempotency;
import de.efa.tenant.domain.Mandate;
import de.efa.tenant.mapping.MandateRequest;
import de.efa.tenant.mapping.MandateView;
import de.efa.tenant.service.BundlerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{ags}/mandates")
@Extension(name = Scopes.EXTENSION, value = Scopes.TENANT, parseValue = true)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mandates", description = "Which bundlers may order for a municipality")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role this operation does not allow, or a municipality acting "
        + "for another AGS",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RequestScoped
public class MandateResource {

    private final BundlerService bundlers;
    private final Idempotency idempotency;
    private final Caller caller;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public MandateResource(BundlerService bundlers, Idempotency idempotency, Caller caller) {
        this.bundlers = bundlers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"municipality", "operator"})
    @Operation(summary = "List a tenant's mandates", description = "Roles: `municipality` (only its own) and "
            + "`operator`. Oldest first.")
    @APIResponse(responseCode = "200", description = "One page of mandates",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = MandateView.class))))
    @APIResponse(responseCode = "400", description = "Malformed AGS or a page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No tenant with this AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<MandateView> list(@Parameter(example = "14729010") @PathParam("ags") String ags,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return bundlers.mandatesOf(caller, ags, PageRequest.parse(page, size)).map(MandateView::of);
    }

    /** What an Idempotency-Key is bound to besides the caller. */
    record Fingerprint(String operation, String ags, MandateRequest body) {
    }

    @GET
    @Path("/{bundlerId}")
    @RolesAllowed({"municipality", "operator"})
    @Operation(summary = "Read one of a tenant's mandates", description = "Roles: `municipality` (only its own) and "
            + "`operator`. What a grant's `Location` names.")
    @APIResponse(responseCode = "200", description = "The mandate",
            content = @Content(schema = @Schema(implementation = MandateView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such mandate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MandateView get(@Parameter(example = "14729010") @PathParam("ags") String ags,
            @Parameter(example = "kisa") @PathParam("bundlerId") String bundlerId) {
        return MandateView.of(bundlers.mandate(caller, ags, bundlerId));
    }

    @POST
    @RolesAllowed({"municipality", "operator"})
    @Operation(summary = "Give a bundler a mandate", description = "Roles: `municipality` (only for itself) and "
            + "`operator`. From now on the bundler may subscribe, declare interest, conclude and cancel for the "
            + "municipality, and read its subscriptions. Accepts an `Idempotency-Key`: the same key and body within "
            + "24 h give the first answer again, marked `Idempotent-Replayed: true`.")
    @APIResponse(responseCode = "201", description = "Granted; `Location` names the mandate",
            content = @Content(schema = @Schema(implementation = MandateView.class)))
    @APIResponse(responseCode = "400", description = "Malformed AGS, no bundlerId, a bundlerId no bundler can have (not a slug) "
            + "or an unknown JSON field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such tenant, or no such bundler",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The bundler has this municipality's mandate already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response grant(@Parameter(example = "14729010") @PathParam("ags") String ags,
            @Parameter(description = "Makes a retried grant safe") @HeaderParam(IdempotentResponses.KEY) String key,
            MandateRequest request) {
        Answer answer = idempotency.once(caller, key, new Fingerprint("grant-mandate", ags, request), () -> {
            Mandate mandate = bundlers.grant(caller, ags, request);
            return Answer.first(201, "/api/v1/tenants/" + mandate.ags() + "/mandates/" + mandate.bundlerId(), null,
                    idempotency.body(MandateView.of(mandate)));
        });
        return IdempotentResponses.of(answer);
    }

    @DELETE
    @Path("/{bundlerId}")
    @RolesAllowed({"municipality", "operator"})
    @Operation(summary = "Revoke a bundler's mandate", description = "Roles: `municipality` (only its own) and "
            + "`operator`. The bundler can order nothing more for the municipality; live subscriptions stay.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "400", description = "Malformed AGS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such mandate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@Parameter(example = "14729010") @PathParam("ags") String ags,
            @Parameter(example = "kisa") @PathParam("bundlerId") String bundlerId) {
        bundlers.revoke(caller, ags, bundlerId);
        return Response.noContent().build();
    }
}
