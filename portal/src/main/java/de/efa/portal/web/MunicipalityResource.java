package de.efa.portal.web;

import de.efa.portal.client.InvoiceAddress;
import de.efa.portal.client.Mandate;
import de.efa.portal.client.Page;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import de.efa.portal.client.TenantRegistration;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * What only a municipality does for itself: registering, its invoice address and the mandates it gives bundlers. Its
 * subscriptions are pages of {@link SubscriptionResource}, which its bundlers use too.
 */
@Path("/kommune")
@RolesAllowed(Viewer.MUNICIPALITY)
@Produces(MediaType.TEXT_HTML)
public class MunicipalityResource {

    private static final String ARS = "ars";
    private static final String LEITWEG_ID = "leitwegId";
    /** The hidden input that carries the tenant's ETag from the form back to the If-Match of the change. */
    private static final String ETAG = "etag";
    private static final String BUNDLER_ID = "bundlerId";
    private static final int PAGE_SIZE = 25;
    private static final String MANDATES = "/kommune/mandate";
    private static final String MANDATES_PAGE_BASE = Filters.pageBase(MANDATES);
    private static final String STALE = "Inzwischen geändert. Jemand anderes hat die Rechnungsadresse geändert, "
            + "nachdem Sie dieses Formular geöffnet haben; Ihre Änderung wurde nicht gespeichert. Ihre Eingaben sind "
            + "erhalten: Speichern Sie erneut, ersetzen sie die inzwischen gespeicherte Adresse.";

    private final TenantApi tenants;
    private final Viewer viewer;

    public MunicipalityResource(@RestClient TenantApi tenants, Viewer viewer) {
        this.tenants = tenants;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kommune(Tenant tenant);

        static native TemplateInstance registrierung(String ags, Map<String, String> form, FormErrors errors);

        static native TemplateInstance rechnungsadresse(String ags, Map<String, String> form, FormErrors errors);

        static native TemplateInstance mandate(Page<Mandate> mandates, String pageBase, Map<String, String> form,
                                               FormErrors errors, String notice);
    }

    @GET
    public TemplateInstance overview() {
        try {
            return Templates.kommune(tenants.tenant(viewer.ags()));
        } catch (ServiceException e) {
            if (e.status() != 404) {
                throw e;
            }
            return Templates.registrierung(viewer.ags(), Map.of(), FormErrors.none());
        }
    }

    /**
     * The address a refused registration is shown under, asked for again (the address bar, a bookmark): the form is
     * at the overview, for as long as the AGS is not registered.
     */
    @GET
    @Path("/registrierung")
    public Response registration() {
        return Response.seeOther(URI.create("/kommune")).build();
    }

    @POST
    @Path("/registrierung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        FormErrors errors = FormErrors.none();
        Long population = Forms.wholeNumber(values.get("population"), "population", errors);
        if (!errors.any()) {
            try {
                tenants.register(new TenantRegistration(viewer.ags(), values.get("name"), values.get("kind"),
                        population, values.get("contactEmail"), Forms.text(values.get(ARS)),
                        Forms.text(values.get(LEITWEG_ID))));
                return Response.seeOther(URI.create("/kommune")).build();
            } catch (ServiceException e) {
                errors = Forms.errorsOf(e);
            }
        }
        return Response.status(400).entity(Templates.registrierung(viewer.ags(), values, errors)).build();
    }

    @GET
    @Path("/rechnungsadresse")
    public TemplateInstance invoiceAddress() {
        RestResponse<Tenant> answer = tenants.versionedTenant(viewer.ags());
        Tenant tenant = answer.getEntity();
        Map<String, String> form = new HashMap<>();
        form.put(ARS, tenant.ars());
        form.put(LEITWEG_ID, tenant.leitwegId());
        form.put(ETAG, etagOf(answer));
        return Templates.rechnungsadresse(viewer.ags(), form, FormErrors.none());
    }

    /**
     * Changes the invoice address under the ETag the form was read with. One someone else changed after that (412)
     * keeps what was typed, now under the version saved meanwhile, so that saving again is a decision to replace it
     * rather than a form that can never be saved.
     */
    @POST
    @Path("/rechnungsadresse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeInvoiceAddress(MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        try {
            tenants.changeInvoiceAddress(viewer.ags(), values.get(ETAG),
                    new InvoiceAddress(Forms.text(values.get(ARS)), Forms.text(values.get(LEITWEG_ID))));
            return Response.seeOther(URI.create("/kommune")).build();
        } catch (ServiceException e) {
            if (e.status() == 412) {
                Map<String, String> typed = new HashMap<>(values);
                typed.put(ETAG, etagOf(tenants.versionedTenant(viewer.ags())));
                return Response.status(409).entity(Templates.rechnungsadresse(viewer.ags(), typed,
                        FormErrors.none().add(FormErrors.FORM, STALE))).build();
            }
            return Response.status(400).entity(Templates.rechnungsadresse(viewer.ags(), values, Forms.errorsOf(e)))
                    .build();
        }
    }

    /** The mandates the municipality gave, a page at a time. */
    @GET
    @Path("/mandate")
    public TemplateInstance mandates(@QueryParam("seite") String page) {
        return mandatesPage(Filters.page(page, PAGE_SIZE), Map.of(), FormErrors.none(), null);
    }

    @POST
    @Path("/mandate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        FormErrors errors;
        try {
            tenants.grant(viewer.ags(), new Mandate.Grant(Forms.text(values.get(BUNDLER_ID))));
            return Response.seeOther(URI.create(MANDATES)).build();
        } catch (ServiceException e) {
            errors = switch (e.status()) {
                case 404 -> FormErrors.none().add(BUNDLER_ID, "Einen Bündler mit dieser Kennung gibt es nicht.");
                case 409 -> FormErrors.none().add(BUNDLER_ID, "Dieser Bündler hat schon ein Mandat Ihrer Kommune.");
                default -> Forms.errorsOf(e);
            };
        }
        return Response.status(400).entity(mandatesPage(0, values, errors, null)).build();
    }

    /**
     * Revokes a bundler's mandate and shows the page of the mandates it was started from again; one the tenant-service
     * refuses (revoked meanwhile) shows that page as it is now, with why nothing happened.
     */
    @POST
    @Path("/mandate/{bundlerId}/widerruf")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("bundlerId") String bundlerId, @FormParam("seite") String page) {
        return Actions.take(() -> {
            tenants.revoke(viewer.ags(), bundlerId);
            return URI.create(MANDATES_PAGE_BASE + Filters.page(page, PAGE_SIZE));
        }, "Das Mandat für " + bundlerId + " wurde nicht widerrufen.",
                notice -> mandatesPage(Filters.page(page, PAGE_SIZE), Map.of(), FormErrors.none(), notice));
    }

    private TemplateInstance mandatesPage(int page, Map<String, String> form, FormErrors errors, String notice) {
        return Templates.mandate(Filters.within(page, number -> tenants.mandates(viewer.ags(), number, PAGE_SIZE)),
                MANDATES_PAGE_BASE, form, errors, notice);
    }

    private static String etagOf(RestResponse<Tenant> answer) {
        return answer.getHeaderString(HttpHeaders.ETAG);
    }
}
