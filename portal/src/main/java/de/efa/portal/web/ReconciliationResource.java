package de.efa.portal.web;

import de.efa.portal.client.Finding;
import de.efa.portal.client.MarketplaceApi;
import de.efa.portal.client.Page;
import de.efa.portal.client.Reconciliation;
import de.efa.portal.client.ServiceException;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.Map;

/**
 * The reconciliation of what the marketplace believes with what the providers' brokers hold: the findings, filtered
 * by kind and whether they are resolved, resolving one with a note, and starting a run and following its result.
 */
@Path("/betrieb/abgleich")
@RolesAllowed(Viewer.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class ReconciliationResource {

    /** The choice of findings resolved or not. */
    static final String EVERY_FINDING = "alle";
    private static final int PAGE_SIZE = 25;
    private static final String PATH = "/betrieb/abgleich";
    private static final String NOT_STARTED = "Es wurde kein Abgleich gestartet.";

    private final MarketplaceApi marketplace;

    public ReconciliationResource(@RestClient MarketplaceApi marketplace) {
        this.marketplace = marketplace;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance abgleich(Page<Finding> findings, FindingFilter filter, Reconciliation run,
                                                Map<String, String> notes, FormErrors errors, String notice);
    }

    /**
     * The filters of the findings as the operator chose them; without a choice the open ones, as those are what
     * needs doing. {@code resolved} is {@code false}, {@code true}, or {@link #EVERY_FINDING}.
     */
    public record FindingFilter(String kind, String resolved, int page) {

        public FindingFilter {
            kind = Filters.given(kind);
            resolved = Filters.given(resolved) == null ? "false" : resolved.trim();
            page = Math.max(0, page);
        }

        public String pageBase() {
            return Filters.pageBase(PATH, "kind", kind, "resolved", resolved);
        }

        /** Where the list is shown again after a finding was resolved. */
        URI link() {
            return URI.create(pageBase() + page);
        }
    }

    /** The findings; {@code lauf} names a run whose result is shown above them. */
    @GET
    public TemplateInstance findings(@QueryParam("kind") String kind, @QueryParam("resolved") String resolved,
                                     @QueryParam("seite") String page, @QueryParam("lauf") String run) {
        return page(new FindingFilter(kind, resolved, Filters.page(page, PAGE_SIZE)),
                run == null ? null : marketplace.reconciliation(run), Map.of(), FormErrors.none(), null);
    }

    /**
     * Starts a run (or finds the one running) and shows it while it runs; one the marketplace refuses leaves the
     * findings as they are, with why none started.
     */
    @POST
    @Path("/laeufe")
    public Response reconcile() {
        return Actions.take(() -> URI.create(Filters.link(PATH, "lauf", marketplace.reconcile().id())), NOT_STARTED,
                notice -> page(new FindingFilter(null, null, 0), null, Map.of(), FormErrors.none(), notice));
    }

    /**
     * Resolves a finding with the operator's note. Each finding on the page has its own note input, named after
     * it, so that a refusal (no note, resolved by someone else meanwhile) is shown at the right one.
     */
    @POST
    @Path("/befunde/{id}/erledigt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        String note = "note-" + id;
        FindingFilter filter = new FindingFilter(values.get("kind"), values.get("resolved"),
                Filters.page(values.get("seite"), PAGE_SIZE));
        try {
            marketplace.resolve(id, new Finding.Resolution(Forms.text(values.get(note))));
            return Response.seeOther(filter.link()).build();
        } catch (ServiceException e) {
            FormErrors errors = Forms.errorsOf(e, field -> field.equals("note") ? note : FormErrors.FORM);
            return Response.status(e.status()).entity(page(filter, null, values, errors, null)).build();
        }
    }

    private TemplateInstance page(FindingFilter filter, Reconciliation run, Map<String, String> notes,
                                  FormErrors errors, String notice) {
        String resolved = filter.resolved().equals(EVERY_FINDING) ? null : filter.resolved();
        return Templates.abgleich(marketplace.findings(filter.kind(), resolved, filter.page(), PAGE_SIZE), filter,
                run, notes, errors, notice);
    }
}
