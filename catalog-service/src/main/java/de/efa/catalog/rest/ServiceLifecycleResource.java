package de.efa.catalog.rest;

import de.efa.catalog.api.ServiceView;
import de.efa.catalog.domain.LifecycleStep;
import de.efa.catalog.service.CatalogService;
import de.efa.platform.problem.Problem;
import de.efa.platform.rest.EntityTags;
import de.efa.platform.rest.Scopes;
import de.efa.platform.security.Caller;
import de.efa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The lifecycle steps of a service, DRAFT → PUBLISHED → DEPRECATED → RETIRED. Each answers 200 with the service
 * in its new state; the error answers below apply to every step.
 */
@Path("/api/v1/services/{id}")
@Extension(name = Scopes.EXTENSION, value = Scopes.SERVICE, parseValue = true)
@RequestScoped
@Tag(name = "Services")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVIDER, Roles.OPERATOR})
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDoc.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "Neither the owning provider nor an operator",
        content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ApiDoc.FORBIDDEN)))
@APIResponse(responseCode = "404", description = "No such service, or not visible to the caller",
        content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "not found", value = ApiDoc.NOT_FOUND)))
@APIResponse(responseCode = "409", description = "The step does not start from the service's status",
        content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "conflict", value = ApiDoc.CONFLICT)))
@APIResponse(responseCode = "412", description = "If-Match was given and is not the current version",
        content = @Content(mediaType = ApiDoc.PROBLEM, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "stale", value = ApiDoc.STALE)))
public class ServiceLifecycleResource {

    private static final String ROLES = "The owning provider or an operator (another provider gets 403, or 404 for "
            + "a service it cannot see; municipalities get 403). If-Match is optional; when given it must be current. ";

    private final CatalogService catalog;
    private final ServiceAnswers answers;
    private final Caller caller;

    public ServiceLifecycleResource(CatalogService catalog, ServiceAnswers answers, Caller caller) {
        this.catalog = catalog;
        this.answers = answers;
        this.caller = caller;
    }

    @POST
    @Path("publish")
    @Operation(summary = "Publish a DRAFT service",
            description = ROLES + "DRAFT → PUBLISHED: municipalities can find and subscribe to it. It needs at least "
                    + "one plan. Any other status is 409.")
    @APIResponse(responseCode = "200", description = "Now PUBLISHED",
            headers = @Header(name = HttpHeaders.ETAG, description = "\"<new version>\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class),
                    examples = @ExampleObject(name = "service", value = ApiDoc.SERVICE)))
    public Response publish(@PathParam("id") String id, @Parameter(in = ParameterIn.HEADER, example = "\"1\"")
                            @HeaderParam("If-Match") String ifMatch) {
        return step(id, ifMatch, LifecycleStep.PUBLISH);
    }

    @POST
    @Path("deprecate")
    @Operation(summary = "Deprecate a PUBLISHED service",
            description = ROLES + "PUBLISHED → DEPRECATED: no longer offered for new subscriptions. Any other status is 409.")
    @APIResponse(responseCode = "200", description = "Now DEPRECATED",
            headers = @Header(name = HttpHeaders.ETAG, description = "\"<new version>\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    public Response deprecate(@PathParam("id") String id, @Parameter(in = ParameterIn.HEADER, example = "\"2\"")
                              @HeaderParam("If-Match") String ifMatch) {
        return step(id, ifMatch, LifecycleStep.DEPRECATE);
    }

    @POST
    @Path("retire")
    @Operation(summary = "Retire a DEPRECATED service",
            description = ROLES + "DEPRECATED → RETIRED, the end of its life. Any other status is 409.")
    @APIResponse(responseCode = "200", description = "Now RETIRED",
            headers = @Header(name = HttpHeaders.ETAG, description = "\"<new version>\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    public Response retire(@PathParam("id") String id, @Parameter(in = ParameterIn.HEADER, example = "\"3\"")
                           @HeaderParam("If-Match") String ifMatch) {
        return step(id, ifMatch, LifecycleStep.RETIRE);
    }

    private Response step(String id, String ifMatch, LifecycleStep step) {
        return answers.ok(catalog.step(caller, ServiceAnswers.id(id), step, EntityTags.optional(ifMatch)));
    }
}
