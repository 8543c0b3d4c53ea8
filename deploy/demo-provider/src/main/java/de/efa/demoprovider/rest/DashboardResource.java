package de.efa.demoprovider.rest;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.mapping.DashboardView;
import de.efa.demoprovider.mapping.InstanceMapper;
import de.efa.demoprovider.service.InstanceListing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The page a subscription's {@code dashboard_url} leads to. Public, like a SaaS login page would be, so it shows
 * who the instance is for and how it stands, but not its configuration.
 */
@Path("/dashboard/{instance_id}")
@Tag(name = "Dashboard", description = "The demo SaaS instance as its tenant would see it")
@PermitAll
public class DashboardResource {

    private final InstanceListing listing;
    private final InstanceMapper mapper;

    public DashboardResource(InstanceListing listing, InstanceMapper mapper) {
        this.listing = listing;
        this.mapper = mapper;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView instance);

        static native TemplateInstance unknown(String instanceId);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Dashboard of an instance", description = "An HTML page; public (no token).")
    @APIResponse(responseCode = "200", description = "The instance's page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No such instance", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response dashboard(@PathParam("instance_id") String instanceId) {
        return listing.find(new InstanceId(instanceId))
                .map(instance -> Response.ok(Templates.dashboard(mapper.toDashboard(instance))))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(Templates.unknown(instanceId)))
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}
