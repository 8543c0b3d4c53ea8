package de.efa.demoprovider.rest;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.ServiceInstance;
import de.efa.demoprovider.mapping.DashboardView;
import de.efa.demoprovider.mapping.InstanceMapper;
import de.efa.demoprovider.rest.error.ErrorAnswer;
import de.efa.demoprovider.rest.error.Problem;
import de.efa.demoprovider.service.InstanceListing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The page a subscription's {@code dashboard_url} leads to. Public, like a SaaS login page would be, so it shows
 * who the instance is for and how it stands, but not its configuration. While the platform has the instance
 * suspended, it is locked (423): a person in a browser is told why in German, any other caller gets a problem; an
 * unknown instance (404) alike.
 */
@Path("/dashboard/{instance_id}")
@Tag(name = "Dashboard", description = "The demo SaaS instance as its tenant would see it")
@PermitAll
public class DashboardResource {

    private static final int LOCKED = 423;
    private static final String LOCKED_DETAIL = "The instance is suspended: the marketplace operator has suspended"
            + " the access of its municipality. It can be used again once the access is restored.";

    private final InstanceListing listing;
    private final InstanceMapper mapper;

    public DashboardResource(InstanceListing listing, InstanceMapper mapper) {
        this.listing = listing;
        this.mapper = mapper;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView instance);

        static native TemplateInstance suspended(DashboardView instance);

        static native TemplateInstance unknown(String instanceId);
    }

    @GET
    // Any Accept is served: the page is HTML, and a refusal is HTML or a problem, by the caller's Accept.
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Dashboard of an instance", description = "An HTML page; public (no token). An unknown"
            + " instance answers 404 and a suspended one 423: a German HTML page when the caller accepts `text/html`"
            + " (a browser), a problem otherwise.")
    @APIResponse(responseCode = "200", description = "The instance's page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No such instance", content = {
            @Content(mediaType = MediaType.TEXT_HTML),
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))})
    @APIResponse(responseCode = "423", description = "The platform has suspended the instance (problem type `locked`)",
            content = {
                    @Content(mediaType = MediaType.TEXT_HTML, examples = @ExampleObject(name = "page",
                            value = "<h1>Dieser Dienst ist vorübergehend gesperrt</h1>")),
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "problem", value = "{\"type\":"
                                    + "\"https://efa-marketplace.de/problems/locked\",\"title\":\"Locked\",\"status\":423,"
                                    + "\"detail\":\"" + LOCKED_DETAIL + "\",\"instance\":"
                                    + "\"/dashboard/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b\"}"))})
    public Response dashboard(@PathParam("instance_id") String instanceId, @Context HttpHeaders headers,
                              @Context UriInfo uri) {
        ServiceInstance instance = listing.find(new InstanceId(instanceId)).orElse(null);
        if (instance == null) {
            return acceptsHtml(headers)
                    ? html(Response.Status.NOT_FOUND.getStatusCode(), Templates.unknown(instanceId))
                    : new ErrorAnswer(Response.Status.NOT_FOUND.getStatusCode(), "NotFound",
                            "The provider has no instance " + instanceId).toResponse(uri);
        }
        if (!instance.isLocked()) {
            return html(Response.Status.OK.getStatusCode(), Templates.dashboard(mapper.toDashboard(instance)));
        }
        return acceptsHtml(headers)
                ? html(LOCKED, Templates.suspended(mapper.toDashboard(instance)))
                : new ErrorAnswer(LOCKED, "Locked", LOCKED_DETAIL).toResponse(uri);
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /**
     * A browser names text/html; a caller that accepts anything (a wildcard) is taken for a program, and so is one
     * that names text/html with the weight 0, which HTTP reads as "not acceptable".
     */
    private static boolean acceptsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equalsIgnoreCase(type.getType()) && "html".equalsIgnoreCase(type.getSubtype())
                        && hasWeight(type));
    }

    private static boolean hasWeight(MediaType type) {
        String weight = type.getParameters().get("q");
        if (weight == null) {
            return true;
        }
        try {
            return Double.parseDouble(weight.trim()) > 0;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }
}
