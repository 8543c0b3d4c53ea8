package de.efa.portal.web;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Page;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import de.efa.portal.service.Customers;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.Showcase;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** The public part: the Schaufenster and each service's page. Needs no login. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ShowcaseResource {

    /** Sent by htmx with each of its requests. */
    private static final String HX_REQUEST = "HX-Request";
    /** Has htmx load the named address as a whole page. */
    private static final String HX_REDIRECT = "HX-Redirect";

    private final Showcase showcase;
    private final CatalogApi catalog;
    private final TenantApi tenants;
    private final Customers customers;
    private final Viewer viewer;

    public ShowcaseResource(Showcase showcase, @RestClient CatalogApi catalog, @RestClient TenantApi tenants,
                            Customers customers, Viewer viewer) {
        this.showcase = showcase;
        this.catalog = catalog;
        this.tenants = tenants;
        this.customers = customers;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        /** {@code uncounted}: the Themenfelder by name, for a refused search, which counts nothing; else null. */
        static native TemplateInstance schaufenster(Showcase.Query query, Showcase.Result result,
                                                    List<Choices.Choice> uncounted, FormErrors errors);

        static native TemplateInstance leistung(CatalogService service, Tenant tenant, List<Choices.Choice> clients);
    }

    /**
     * The search. A malformed filter (a LeiKa key of 13 digits, a search text longer than the catalog takes) is said at
     * its input, with nothing found and every filter as it was chosen. The live search (htmx) swaps only successful
     * answers and only the results, so a refused one is loaded as a whole page instead, where the messages are.
     */
    @GET
    public Response schaufenster(@QueryParam("q") String q, @QueryParam("themenfeld") String themenfeld,
                                 @QueryParam("land") String land, @QueryParam("leika") String leika,
                                 @QueryParam("seite") String page, @HeaderParam(HX_REQUEST) String live) {
        Showcase.Query query = new Showcase.Query(q, themenfeld, land, leika, Filters.page(page, Showcase.PAGE_SIZE));
        try {
            return Response.ok(Templates.schaufenster(query, showcase.search(query), null, FormErrors.none())).build();
        } catch (ServiceException e) {
            if (e.status() != 400) {
                throw e;
            }
            if (live != null) {
                return Response.status(400).header(HX_REDIRECT, query.link()).build();
            }
            Showcase.Result nothing = new Showcase.Result(new Page<>(List.of(), 0,
                    Showcase.PAGE_SIZE, 0), List.of());
            // The search box and the selects keep the ids the page has always had.
            FormErrors errors = FormErrors.of(e.problem()).shownAt("q", "q").shownAt("themenfeld", "themenfeld")
                    .shownAt("land", "land");
            List<Choices.Choice> uncounted = showcase.themenfelder().stream()
                    .map(field -> new Choices.Choice(field.code(), field.name())).toList();
            return Response.status(400).entity(Templates.schaufenster(query, nothing, uncounted, errors)).build();
        }
    }

    /**
     * A service with its plans, and for a municipality its prices and what it may do. A bundler chooses which of its
     * clients it looks for ({@code fuer}: the AGS), and then sees the page as that municipality would.
     */
    @GET
    @Path("leistungen/{id}")
    public TemplateInstance leistung(@PathParam("id") String id, @QueryParam("fuer") String forAgs) {
        CatalogService service = catalog.service(id);
        List<Tenant> clients = customers.clients();
        Tenant tenant = viewer.isMunicipality() ? ownTenant()
                : clients.stream().filter(client -> client.ags().equals(forAgs)).findFirst().orElse(null);
        return Templates.leistung(service, tenant,
                clients.stream().map(client -> new Choices.Choice(client.ags(), client.name())).toList());
    }

    /** The logged-in municipality's tenant, for its price; null while it is not registered. */
    private Tenant ownTenant() {
        try {
            return tenants.tenant(viewer.ags());
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }
}
