package de.efa.portal.web;

import de.efa.portal.client.Bundler;
import de.efa.portal.client.BundlerApi;
import de.efa.portal.client.Tenant;
import de.efa.portal.service.Customers;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * A bundler's staff: the municipalities that gave it a mandate. For each it orders on the same pages the municipality
 * itself uses ({@link SubscriptionResource}).
 */
@Path("/buendler")
@RolesAllowed(Viewer.BUNDLER)
@Produces(MediaType.TEXT_HTML)
public class BundlerResource {

    private final BundlerApi bundlers;
    private final Customers customers;
    private final Viewer viewer;

    public BundlerResource(@RestClient BundlerApi bundlers, Customers customers, Viewer viewer) {
        this.bundlers = bundlers;
        this.customers = customers;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kunden(Bundler bundler, List<Tenant> clients);
    }

    @GET
    public TemplateInstance clients() {
        return Templates.kunden(bundlers.bundler(viewer.bundlerId()), customers.clients());
    }
}
