package de.efa.tenant.rest;

import de.efa.platform.idempotency.Answer;
import de.efa.platform.idempotency.Idempotency;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.IdempotentResponses;
import de.efa.platform.rest.Scopes;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Bundler;
import de.efa.tenant.mapping.BundlerRegistration;
import de.efa.tenant.mapping.BundlerView;
import de.efa.tenant.mapping.TenantView;
import de.efa.tenant.service.BundlerService;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/bundlers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bundlers", description = "Bundling organisations that order for the municipalities that gave them a "
        + "mandate")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role this operation does not allow, another bundler, or a "
        + "bundler's token without `bundler_id`",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RequestScoped
public class BundlerResource {

    private final BundlerService bundlers;
    private final Idempotency idempotency;
    private final Caller caller;

    /** Request-scoped, so that {@code caller} is the one of this request. */
    public BundlerResource(BundlerService bundlers, Idempotency idempotency, Caller caller) {
        this.bundlers = bundlers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** What an Idempotency-Key is bound to besides the caller. */
    record Fingerprint(String operation, BundlerRegistration body) {
    }

    @POST
    @RolesAllowed("operator")
    @Operation(summary = "Register a bundler", description = "Role: `operator`. Its staff carry its id in the "
            + "`bundler_id` claim. Accepts an `Idempotency-Key`.")
    @APIResponse(responseCode = "201", description = "Registered; `Location` names the bundler",
            content = @Content(schema = @Schema(implementation = BundlerView.class)))
    @APIResponse(responseCode = "400", description = "An id that is no slug, a missing name, an invalid e-mail "
            + "address or an unknown JSON field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A bundler with this id is registered already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @Parameter(description = "Makes a retried registration safe") @HeaderParam(IdempotentResponses.KEY)
            String key,
            BundlerRegistration registration) {
        BundlerRegistration body = registration == null ? new BundlerRegistration(null, null, null) : registration;
        Answer answer = idempotency.once(caller, key, new Fingerprint("register-bundler", body), () -> {
            Bundler bundler = bundlers.register(body);
            return Answer.first(201, "/api/v1/bundlers/" + bundler.id(), null,
                    idempotency.body(BundlerView.of(bundler)));
        });
        return IdempotentResponses.of(answer);
    }

    @GET
    @RolesAllowed({"operator", "bundler"})
    @Operation(summary = "List bundlers", description = "Roles: `operator` (every bundler, in id order) and "
            + "`bundler` (only itself: a page of one, or an empty page while it is not registered).")
    @APIResponse(responseCode = "200", description = "One page of bundlers",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = BundlerView.class))))
    @APIResponse(responseCode = "400", description = "A page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<BundlerView> list(@Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return bundlers.list(caller, PageRequest.parse(page, size)).map(BundlerView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "bundler"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.BUNDLER, parseValue = true)
    @Operation(summary = "Get a bundler", description = "Roles: `operator` and `bundler` (only itself).")
    @APIResponse(responseCode = "200", description = "The bundler",
            content = @Content(schema = @Schema(implementation = BundlerView.class)))
    @APIResponse(responseCode = "404", description = "No bundler with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BundlerView get(@Parameter(example = "kisa") @PathParam("id") String id) {
        return BundlerView.of(bundlers.get(caller, id));
    }

    @GET
    @Path("/{id}/clients")
    @RolesAllowed({"operator", "bundler"})
    @Extension(name = Scopes.EXTENSION, value = Scopes.BUNDLER, parseValue = true)
    @Operation(summary = "List a bundler's clients", description = "Roles: `operator` and `bundler` (only its own). "
            + "The municipalities that gave the bundler a mandate, in AGS order.")
    @APIResponse(responseCode = "200", description = "One page of tenants",
            content = @Content(schema = @Schema(implementation = Page.class, properties = @SchemaProperty(
                    name = "items", type = SchemaType.ARRAY, implementation = TenantView.class))))
    @APIResponse(responseCode = "400", description = "A page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No bundler with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<TenantView> clients(@Parameter(example = "kisa") @PathParam("id") String id,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return bundlers.clients(caller, id, PageRequest.parse(page, size)).map(TenantView::of);
    }
}
