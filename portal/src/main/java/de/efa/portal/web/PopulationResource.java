package de.efa.portal.web;

import de.efa.portal.client.PopulationReport;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.TenantFilesApi;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/**
 * New population figures for the operators: a file in the format of the municipality directory, uploaded here and
 * passed on as it is to the tenant-service, which prices per-inhabitant subscriptions anew and refuses a malformed
 * file whole, naming its bad lines.
 */
@Path("/betrieb/einwohnerzahlen")
@RolesAllowed(Viewer.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class PopulationResource {

    /** The file input. */
    private static final String FILE = "datei";

    private final TenantFilesApi files;

    public PopulationResource(@RestClient TenantFilesApi files) {
        this.files = files;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance einwohnerzahlen(PopulationReport report, List<Uploads.BadLine> badLines,
                                                       FormErrors errors);
    }

    @GET
    public TemplateInstance form() {
        return Templates.einwohnerzahlen(null, List.of(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm(FILE) FileUpload file) {
        try {
            return Response.ok(Templates.einwohnerzahlen(files.population(Uploads.text(file)), List.of(),
                    FormErrors.none())).build();
        } catch (ServiceException e) {
            Uploads.Refusal refusal = Uploads.refusal(e, FILE, "keine Einwohnerzahl wurde geändert.");
            return Response.status(400).entity(Templates.einwohnerzahlen(null, refusal.badLines(), refusal.errors()))
                    .build();
        }
    }
}
