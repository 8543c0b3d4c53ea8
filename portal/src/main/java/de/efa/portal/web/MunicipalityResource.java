package de.efa.portal.web;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Page;
import de.efa.portal.client.Plan;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.SubscribeRequest;
import de.efa.portal.client.Subscription;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import de.efa.portal.client.TenantRegistration;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.FormField;
import de.efa.portal.service.SchemaForm;
import de.efa.portal.service.ServiceNames;
import de.efa.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** A municipality's own pages: registering, subscribing through the plan's form, following and cancelling. */
@Path("/kommune")
@RolesAllowed(Viewer.MUNICIPALITY)
@Produces(MediaType.TEXT_HTML)
public class MunicipalityResource {

    private final TenantApi tenants;
    private final CatalogApi catalog;
    private final ServiceNames serviceNames;
    private final Viewer viewer;

    public MunicipalityResource(@RestClient TenantApi tenants, @RestClient CatalogApi catalog,
                                ServiceNames serviceNames, Viewer viewer) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.serviceNames = serviceNames;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kommune(Tenant tenant);

        static native TemplateInstance registrierung(String ags, Map<String, String> form, FormErrors errors);

        static native TemplateInstance abonnements(Page<Subscription> subscriptions, Map<String, String> names);

        static native TemplateInstance abonnement(Subscription subscription, String serviceName);

        static native TemplateInstance abonnieren(CatalogService service, Plan plan, Tenant tenant,
                                                  List<FormField> fields, FormErrors errors);
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
                        population, values.get("contactEmail")));
                return Response.seeOther(URI.create("/kommune")).build();
            } catch (ServiceException e) {
                errors = Forms.errorsOf(e);
            }
        }
        return Response.status(400).entity(Templates.registrierung(viewer.ags(), values, errors)).build();
    }

    @GET
    @Path("/abonnements")
    public TemplateInstance subscriptions() {
        Page<Subscription> page = tenants.subscriptions(viewer.ags(), 0, 100);
        return Templates.abonnements(page, serviceNames.of(page.items().stream().map(Subscription::serviceId).toList()));
    }

    @GET
    @Path("/abonnements/{id}")
    public TemplateInstance subscription(@PathParam("id") String id) {
        Subscription subscription = tenants.subscription(viewer.ags(), id);
        return Templates.abonnement(subscription, serviceNames.of(List.of(subscription.serviceId()))
                .get(subscription.serviceId()));
    }

    @POST
    @Path("/abonnements/{id}/kuendigung")
    public Response cancel(@PathParam("id") String id) {
        tenants.cancel(viewer.ags(), id);
        return Response.seeOther(URI.create("/kommune/abonnements/" + id)).build();
    }

    @GET
    @Path("/abonnieren/{serviceId}/{planId}")
    public TemplateInstance subscribeForm(@PathParam("serviceId") String serviceId,
                                          @PathParam("planId") String planId) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = planOf(service, planId);
        return Templates.abonnieren(service, plan, tenants.tenant(viewer.ags()),
                new SchemaForm(plan.parameters()).fields(Map.of(), FormErrors.none()), FormErrors.none());
    }

    @POST
    @Path("/abonnieren/{serviceId}/{planId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@PathParam("serviceId") String serviceId, @PathParam("planId") String planId,
                              MultivaluedMap<String, String> form) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = planOf(service, planId);
        SchemaForm schemaForm = new SchemaForm(plan.parameters());
        Map<String, String> values = Forms.single(form);
        FormErrors errors;
        try {
            Subscription subscription = tenants.subscribe(viewer.ags(),
                    new SubscribeRequest(serviceId, planId, schemaForm.parameters(values)));
            return Response.seeOther(URI.create("/kommune/abonnements/" + subscription.id())).build();
        } catch (ServiceException e) {
            errors = Forms.errorsOf(e);
        }
        return Response.status(422).entity(Templates.abonnieren(service, plan, tenants.tenant(viewer.ags()),
                schemaForm.fields(values, errors), errors)).build();
    }

    private static Plan planOf(CatalogService service, String planId) {
        return service.plan(planId).orElseThrow(() -> new NotFoundException("no plan " + planId));
    }
}
