package de.efa.portal.web;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Page;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.Showcase;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
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

    private final Showcase showcase;
    private final CatalogApi catalog;
    private final TenantApi tenants;
    private final Viewer viewer;

    public ShowcaseResource(Showcase showcase, @RestClient CatalogApi catalog, @RestClient TenantApi tenants,
                            Viewer viewer) {
        this.showcase = showcase;
        this.catalog = catalog;
        this.tenants = tenants;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance schaufenster(Showcase.Query query, Showcase.Result result, FormErrors errors);

        static native TemplateInstance leistung(CatalogService service, Tenant tenant);
    }

    @GET
    public Response schaufenster(@QueryParam("q") String q, @QueryParam("themenfeld") String themenfeld,
                                 @QueryParam("land") String land, @QueryParam("leika") String leika,
                                 @QueryParam("seite") int page) {
        Showcase.Query query = new Showcase.Query(q, themenfeld, land, leika, page);
        try {
            return Response.ok(Templates.schaufenster(query, showcase.search(query), FormErrors.none())).build();
        } catch (ServiceException e) {
            if (e.status() != 400) {
                throw e;
            }
            // A malformed filter (a LeiKa key of 13 digits): say so at the filter, with nothing found.
            Showcase.Result nothing = new Showcase.Result(new Page<>(List.of(), 0,
                    Showcase.PAGE_SIZE, 0), List.of());
            return Response.status(400).entity(Templates.schaufenster(query, nothing,
                    FormErrors.of(e.problem()))).build();
        }
    }

    @GET
    @Path("leistungen/{id}")
    public TemplateInstance leistung(@PathParam("id") String id) {
        CatalogService service = catalog.service(id);
        Tenant tenant = viewer.isMunicipality() ? ownTenant() : null;
        return Templates.leistung(service, tenant);
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
