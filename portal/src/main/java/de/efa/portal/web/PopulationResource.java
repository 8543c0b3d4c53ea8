package de.efa.portal.web;

import de.efa.portal.client.PopulationReport;
import de.efa.portal.client.Problem;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.TenantApi;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.ViolationTexts;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    private final TenantApi tenants;

    public PopulationResource(@RestClient TenantApi tenants) {
        this.tenants = tenants;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance einwohnerzahlen(PopulationReport report, List<BadLine> badLines,
                                                       FormErrors errors);
    }

    /** A line of the file the tenant-service refused, with why, in German. */
    public record BadLine(String line, String message) {
    }

    @GET
    public TemplateInstance form() {
        return Templates.einwohnerzahlen(null, List.of(), FormErrors.none());
    }

    /** No file chosen is an empty one, which the tenant-service refuses for its missing header. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm(FILE) FileUpload file) {
        try {
            return Response.ok(Templates.einwohnerzahlen(tenants.population(text(file)), List.of(),
                    FormErrors.none())).build();
        } catch (ServiceException e) {
            List<BadLine> badLines = e.problem().violationList().stream().map(PopulationResource::badLine).toList();
            FormErrors errors = badLines.isEmpty() ? Forms.errorsOf(e) : FormErrors.none().add(FILE, "Die Datei hat "
                    + (badLines.size() == 1 ? "einen Fehler" : badLines.size() + " Fehler")
                    + " (unten nach Zeilen); keine Einwohnerzahl wurde geändert.");
            return Response.status(400).entity(Templates.einwohnerzahlen(null, badLines, errors)).build();
        }
    }

    /** "line 3" is the file's third line, the header being the first. */
    private static BadLine badLine(Problem.Violation violation) {
        String field = violation.field() == null ? "" : violation.field();
        return new BadLine(field.replaceFirst("^line ", ""), ViolationTexts.german(violation.message()));
    }

    private static String text(FileUpload file) {
        if (file == null) {
            return "";
        }
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded file could not be read back", e);
        }
    }
}
