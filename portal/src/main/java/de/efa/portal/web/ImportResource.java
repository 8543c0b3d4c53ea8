package de.efa.portal.web;

import de.efa.portal.client.ImportReport;
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
 * Municipalities registered in bulk by the operators: a file in the format of the municipality directory, uploaded
 * here and passed on as it is to the tenant-service, which registers every AGS that is no tenant yet as ACTIVE and
 * takes the good lines even when it refuses others. Importing the same file again registers nothing.
 */
@Path("/betrieb/import")
@RolesAllowed(Viewer.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class ImportResource {

    /** The file input. */
    private static final String FILE = "datei";

    private final TenantFilesApi files;

    public ImportResource(@RestClient TenantFilesApi files) {
        this.files = files;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kommunenImportieren(ImportReport report, List<Uploads.BadLine> rejected,
                                                           List<Uploads.BadLine> badLines, FormErrors errors);
    }

    @GET
    public TemplateInstance form() {
        return Templates.kommunenImportieren(null, List.of(), List.of(), FormErrors.none());
    }

    /** What the file registered with the lines refused; a file refused whole (its header, no CSV) with its lines. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm(FILE) FileUpload file) {
        try {
            ImportReport report = files.importTenants(Uploads.text(file));
            List<Uploads.BadLine> rejected = report.rejections().stream()
                    .map(rejection -> Uploads.badLine(rejection.line(), rejection.reason())).toList();
            return Response.ok(Templates.kommunenImportieren(report, rejected, List.of(), FormErrors.none())).build();
        } catch (ServiceException e) {
            Uploads.Refusal refusal = Uploads.refusal(e, FILE, "keine Kommune wurde angelegt.");
            return Response.status(400).entity(Templates.kommunenImportieren(null, List.of(), refusal.badLines(),
                    refusal.errors())).build();
        }
    }
}
