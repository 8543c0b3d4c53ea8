package de.efa.portal.web;

import de.efa.portal.client.AuditTrails;
import de.efa.portal.client.Page;
import de.efa.portal.client.ServiceException;
import de.efa.portal.service.AuditTimeline;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The audit trail of the whole marketplace for operators: the entries of its three services as one list, newest
 * first, filtered by who acted, what was changed and the days; and each service's matching entries as a CSV file,
 * which the service writes and the portal hands on with the operator's token.
 */
@Path("/betrieb/protokoll")
@RolesAllowed(Viewer.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    private static final int PAGE_SIZE = 25;

    private final AuditTimeline timeline;
    private final AuditTrails trails;

    public AuditResource(AuditTimeline timeline, AuditTrails trails) {
        this.timeline = timeline;
        this.trails = trails;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance protokoll(AuditForm form, Page<AuditTimeline.Entry> entries,
                                                 List<Choices.Choice> services, FormErrors errors);
    }

    @GET
    public Response entries(@QueryParam("actor") String actor, @QueryParam("target") String target,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("seite") String page) {
        AuditForm form = new AuditForm(actor, target, from, to, Filters.page(page, PAGE_SIZE));
        FormErrors errors = FormErrors.none();
        AuditTimeline.Filter filter = form.filter(errors);
        if (!errors.any()) {
            try {
                return Response.ok(page(form, timeline.page(filter, form.page(), PAGE_SIZE), errors)).build();
            } catch (ServiceException e) {
                errors = Forms.errorsOf(e);
            }
        }
        return Response.status(400).entity(page(form, null, errors)).build();
    }

    /** Every matching entry of one service; a refusal (too many entries for one file) is shown on the page. */
    @GET
    @Path("/{service}.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response csv(@PathParam("service") String service, @QueryParam("actor") String actor,
                        @QueryParam("target") String target, @QueryParam("from") String from,
                        @QueryParam("to") String to) {
        AuditTrails.Trail trail = trails.of(service).orElseThrow(() -> new NotFoundException("no service " + service));
        AuditForm form = new AuditForm(actor, target, from, to, 0);
        FormErrors errors = FormErrors.none();
        AuditTimeline.Filter filter = form.filter(errors);
        if (errors.any()) {
            throw new BadRequestException("a day of the filter is no date");
        }
        try {
            return Response.ok(trail.api().csv(filter.from(), filter.to(), filter.actor(), filter.target()),
                            "text/csv; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + service + ".csv\"")
                    .build();
        } catch (ServiceException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page(form, null, Forms.errorsOf(e)))
                    .build();
        }
    }

    private TemplateInstance page(AuditForm form, Page<AuditTimeline.Entry> entries, FormErrors errors) {
        return Templates.protokoll(form, entries,
                trails.all().stream().map(trail -> new Choices.Choice(trail.id(), trail.name())).toList(), errors);
    }
}
