package de.efa.portal.web;

import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Page;
import de.efa.portal.client.ProviderCatalogApi;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.ServiceRequest;
import de.efa.portal.client.Themenfeld;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.ServiceForm;
import de.efa.portal.service.Showcase;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.util.List;

/** A provider's staff: their own services in every status, drafts with plans, publishing and deprecating. */
@Path("/anbieter")
@RolesAllowed(Viewer.PROVIDER)
@Produces(MediaType.TEXT_HTML)
public class ProviderResource {

    /** The submit button that asks for one more plan block instead of saving. */
    private static final String ADD_PLAN = "plan-hinzufuegen";
    /**
     * The most plan blocks the form has. The catalog counts none, it only limits the size of a request
     * (docs/http.md); its services have a few plans each, and the form's hidden count must not decide how much
     * the portal builds and renders.
     */
    private static final int MOST_PLANS = 50;
    private static final String TOO_MANY_PLANS = "Eine Leistung hat höchstens " + MOST_PLANS + " Pläne.";
    private static final String PUBLISHED = "PUBLISHED";
    private static final int PAGE_SIZE = 25;
    private static final String PAGE_BASE = Filters.pageBase("/anbieter");
    private static final String STALE = "Jemand anderes hat die Leistung inzwischen geändert; Ihre Änderung wurde nicht "
            + "gespeichert. Ihre Eingaben sind erhalten: Speichern Sie erneut, ersetzen sie den inzwischen gespeicherten "
            + "Stand.";
    private static final String NOT_YOURS = "Diese Leistung gehört einem anderen Anbieter. Sie bearbeiten nur die "
            + "Leistungen Ihres eigenen Anbieters.";

    private final ProviderCatalogApi catalog;
    private final Showcase showcase;
    private final ServiceForm serviceForm;
    private final Viewer viewer;

    public ProviderResource(@RestClient ProviderCatalogApi catalog, Showcase showcase, ServiceForm serviceForm,
                            Viewer viewer) {
        this.catalog = catalog;
        this.showcase = showcase;
        this.serviceForm = serviceForm;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance leistungen(Page<CatalogService> services, String pageBase, String notice);

        static native TemplateInstance formular(String serviceId, long version, ServiceForm.Values form,
                                                List<Themenfeld> themenfelder, FormErrors errors);

        static native TemplateInstance abkuendigen(CatalogService service, String back, int page);
    }

    /** The provider's services, the last created first, a page at a time. */
    @GET
    public TemplateInstance services(@QueryParam("seite") String page) {
        return servicesPage(Filters.page(page, PAGE_SIZE), null);
    }

    @GET
    @Path("/leistungen/neu")
    public TemplateInstance newService() {
        return form(null, 0, serviceForm.empty(), FormErrors.none());
    }

    @POST
    @Path("/leistungen/neu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        return save(null, 0, submitted);
    }

    /**
     * The form of one of the provider's own services. The catalog shows any published service but saves only the
     * provider's own: another provider's is refused here, before the person types what they could not save.
     */
    @GET
    @Path("/leistungen/{id}")
    public Response edit(@PathParam("id") String id) {
        CatalogService service = catalog.service(id);
        if (!service.providerId().equals(viewer.providerId())) {
            return ErrorPages.notPermitted(NOT_YOURS);
        }
        return Response.ok(form(id, service.version(), serviceForm.valuesOf(service), FormErrors.none())).build();
    }

    @POST
    @Path("/leistungen/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@PathParam("id") String id, MultivaluedMap<String, String> submitted) {
        return save(id, hiddenNumber(submitted.getFirst("version"), 0, Long.MAX_VALUE), submitted);
    }

    /**
     * Publishes a draft and shows the page of the list it was started from again; one the catalog refuses (published,
     * or its plans removed, meanwhile) shows that page as it is now, with why nothing happened.
     */
    @POST
    @Path("/leistungen/{id}/veroeffentlichung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") String id, @FormParam("seite") String page) {
        return step(() -> catalog.publish(id), "Die Leistung wurde nicht veröffentlicht.", page);
    }

    /**
     * Asks before a published service is deprecated (WCAG 3.3.4): no municipality can subscribe to it afterwards, and
     * it cannot be published again. Another provider's is refused as its form is; one that is not (any more)
     * published has nothing to confirm, and the list is shown again.
     */
    @GET
    @Path("/leistungen/{id}/abkuendigung")
    public Response confirmDeprecate(@PathParam("id") String id, @QueryParam("seite") String page) {
        CatalogService service = catalog.service(id);
        if (!service.providerId().equals(viewer.providerId())) {
            return ErrorPages.notPermitted(NOT_YOURS);
        }
        int shown = Filters.page(page, PAGE_SIZE);
        URI back = URI.create(PAGE_BASE + shown);
        if (!PUBLISHED.equals(service.status())) {
            return Response.seeOther(back).build();
        }
        return Response.ok(Templates.abkuendigen(service, back.toString(), shown)).build();
    }

    /** Deprecates a published service; a refusal is shown like one of {@link #publish}. */
    @POST
    @Path("/leistungen/{id}/abkuendigung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deprecate(@PathParam("id") String id, @FormParam("seite") String page) {
        return step(() -> catalog.deprecate(id), "Die Leistung wurde nicht abgekündigt.", page);
    }

    private Response step(Runnable lifecycleStep, String nothingHappened, String page) {
        return Actions.take(() -> {
            lifecycleStep.run();
            return URI.create(PAGE_BASE + Filters.page(page, PAGE_SIZE));
        }, nothingHappened, notice -> servicesPage(Filters.page(page, PAGE_SIZE), notice));
    }

    private TemplateInstance servicesPage(int page, String notice) {
        return Templates.leistungen(catalog.services(viewer.providerId(), "newest", page, PAGE_SIZE),
                PAGE_BASE, notice);
    }

    private Response save(String id, long version, MultivaluedMap<String, String> submitted) {
        ServiceForm.Values values = new ServiceForm.Values(Forms.single(submitted),
                list(submitted.get(ServiceForm.AVAILABLE_IN)), list(submitted.get(ServiceForm.REUSE_MODELS)),
                (int) hiddenNumber(submitted.getFirst("plans"), 1, MOST_PLANS));
        if (submitted.containsKey(ADD_PLAN)) {
            return values.plans() < MOST_PLANS
                    ? Response.ok(form(id, version, values.withOneMorePlan(), FormErrors.none())).build()
                    : Response.status(400).entity(form(id, version, values,
                    FormErrors.none().add(FormErrors.FORM, TOO_MANY_PLANS))).build();
        }
        FormErrors errors = FormErrors.none();
        ServiceRequest request = serviceForm.request(values, errors);
        if (!errors.any()) {
            try {
                if (id == null) {
                    catalog.create(request);
                } else {
                    catalog.replace(id, "\"" + version + "\"", request);
                }
                return Response.seeOther(URI.create("/anbieter")).build();
            } catch (ServiceException e) {
                if (e.status() == 412) {
                    return stale(id, values);
                }
                errors = e.problem().violationList().isEmpty() ? Forms.errorsOf(e) : ServiceForm.errorsOf(e.problem());
            }
        }
        return Response.status(400).entity(form(id, version, values, errors)).build();
    }

    /**
     * Someone saved the service after this form was read: what was typed is kept, now under the version saved
     * meanwhile, so that saving again is a decision to replace it rather than a form that can never be saved.
     */
    private Response stale(String id, ServiceForm.Values values) {
        return Response.status(409).entity(form(id, catalog.service(id).version(), values,
                FormErrors.none().add(FormErrors.FORM, STALE))).build();
    }

    private TemplateInstance form(String id, long version, ServiceForm.Values values, FormErrors errors) {
        return Templates.formular(id, version, values, showcase.themenfelder(), errors);
    }

    /**
     * A number the form carries in a hidden input; one that is missing, no number or out of range was not sent by the
     * form as the portal wrote it.
     */
    private static long hiddenNumber(String value, long lowest, long highest) {
        long number;
        try {
            number = Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(e);
        }
        if (number < lowest || number > highest) {
            throw new BadRequestException();
        }
        return number;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
