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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

        static native TemplateInstance mandate(Page<Mandate> mandates, Map<String, String> form, FormErrors errors);
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
        form.put(ETAG, answer.getHeaderString(HttpHeaders.ETAG));
        return Templates.rechnungsadresse(viewer.ags(), form, FormErrors.none());
    }

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
            return Response.status(400).entity(Templates.rechnungsadresse(viewer.ags(), values, Forms.errorsOf(e)))
                    .build();
        }
    }

    @GET
    @Path("/mandate")
    public TemplateInstance mandates() {
        return mandatesPage(Map.of(), FormErrors.none());
    }

    @POST
    @Path("/mandate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        FormErrors errors;
        try {
            tenants.grant(viewer.ags(), new Mandate.Grant(Forms.text(values.get(BUNDLER_ID))));
            return Response.seeOther(URI.create("/kommune/mandate")).build();
        } catch (ServiceException e) {
            errors = switch (e.status()) {
                case 404 -> FormErrors.none().add(BUNDLER_ID, "Einen Bündler mit dieser Kennung gibt es nicht.");
                case 409 -> FormErrors.none().add(BUNDLER_ID, "Dieser Bündler hat schon ein Mandat Ihrer Kommune.");
                default -> Forms.errorsOf(e);
            };
        }
        return Response.status(400).entity(mandatesPage(values, errors)).build();
    }

    @POST
    @Path("/mandate/{bundlerId}/widerruf")
    public Response revoke(@PathParam("bundlerId") String bundlerId) {
        tenants.revoke(viewer.ags(), bundlerId);
        return Response.seeOther(URI.create("/kommune/mandate")).build();
    }

    private TemplateInstance mandatesPage(Map<String, String> form, FormErrors errors) {
        return Templates.mandate(tenants.mandates(viewer.ags(), 0, 100), form, errors);
    }
}
