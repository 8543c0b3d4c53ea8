package de.efa.portal.web;

import de.efa.portal.client.AcceptedTerms;
import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.ConcludeRequest;
import de.efa.portal.client.Page;
import de.efa.portal.client.Plan;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.SubscribeRequest;
import de.efa.portal.client.Subscription;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import de.efa.portal.service.Customers;
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

/**
 * The subscriptions of one municipality, by its AGS: subscribing through the plan's form (accepting its terms, or
 * declaring an interest), following, concluding an offer, withdrawing and cancelling. A municipality uses them for
 * itself, a bundler for each municipality that gave it a mandate; the tenant-service decides who may.
 */
@Path("/kommunen/{ags}")
@RolesAllowed({Viewer.MUNICIPALITY, Viewer.BUNDLER})
@Produces(MediaType.TEXT_HTML)
public class SubscriptionResource {

    /** The checkbox that accepts the terms; its value is their version. */
    private static final String ACCEPTED_TERMS = "acceptedTerms";

    private final TenantApi tenants;
    private final CatalogApi catalog;
    private final ServiceNames serviceNames;
    private final Customers customers;

    public SubscriptionResource(@RestClient TenantApi tenants, @RestClient CatalogApi catalog,
                                ServiceNames serviceNames, Customers customers) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.serviceNames = serviceNames;
        this.customers = customers;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance abonnements(Tenant tenant, Page<Subscription> subscriptions,
                                                   Map<String, String> names);

        static native TemplateInstance abonnement(Tenant tenant, Subscription subscription, String serviceName,
                                                  FormErrors errors);

        static native TemplateInstance abonnieren(CatalogService service, Plan plan, Tenant tenant,
                                                  List<FormField> fields, Map<String, String> form, FormErrors errors);
    }

    @GET
    @Path("/abonnements")
    public TemplateInstance subscriptions(@PathParam("ags") String ags) {
        Page<Subscription> page = tenants.subscriptions(ags, 0, 100);
        return Templates.abonnements(customers.of(ags), page,
                serviceNames.of(page.items().stream().map(Subscription::serviceId).toList()));
    }

    @GET
    @Path("/abonnements/{id}")
    public TemplateInstance subscription(@PathParam("ags") String ags, @PathParam("id") String id) {
        return detail(ags, tenants.subscription(ags, id), FormErrors.none());
    }

    /** Cancels an active subscription, or withdraws an interest or an offer: the service tells which by the status. */
    @POST
    @Path("/abonnements/{id}/kuendigung")
    public Response cancel(@PathParam("ags") String ags, @PathParam("id") String id) {
        tenants.cancel(ags, id);
        return Response.seeOther(subscriptionPage(ags, id)).build();
    }

    @POST
    @Path("/abonnements/{id}/vertragsschluss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response conclude(@PathParam("ags") String ags, @PathParam("id") String id,
                             MultivaluedMap<String, String> form) {
        try {
            tenants.conclude(ags, id, new ConcludeRequest(acceptedTerms(Forms.single(form))));
            return Response.seeOther(subscriptionPage(ags, id)).build();
        } catch (ServiceException e) {
            FormErrors errors = Forms.errorsOf(e, SubscriptionResource::place);
            return Response.status(422).entity(detail(ags, tenants.subscription(ags, id), errors)).build();
        }
    }

    @GET
    @Path("/abonnieren/{serviceId}/{planId}")
    public TemplateInstance subscribeForm(@PathParam("ags") String ags, @PathParam("serviceId") String serviceId,
                                          @PathParam("planId") String planId) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = planOf(service, planId);
        return Templates.abonnieren(service, plan, customers.of(ags),
                new SchemaForm(plan.parameters()).fields(Map.of(), FormErrors.none()), Map.of(), FormErrors.none());
    }

    @POST
    @Path("/abonnieren/{serviceId}/{planId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@PathParam("ags") String ags, @PathParam("serviceId") String serviceId,
                              @PathParam("planId") String planId, MultivaluedMap<String, String> form) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = planOf(service, planId);
        SchemaForm schemaForm = new SchemaForm(plan.parameters());
        Map<String, String> values = Forms.single(form);
        FormErrors errors;
        try {
            Subscription subscription = tenants.subscribe(ags, new SubscribeRequest(serviceId, planId,
                    schemaForm.parameters(values), acceptedTerms(values)));
            return Response.seeOther(subscriptionPage(ags, subscription.id())).build();
        } catch (ServiceException e) {
            errors = Forms.errorsOf(e, SubscriptionResource::place);
        }
        return Response.status(422).entity(Templates.abonnieren(service, plan, customers.of(ags),
                schemaForm.fields(values, errors), values, errors)).build();
    }

    private TemplateInstance detail(String ags, Subscription subscription, FormErrors errors) {
        return Templates.abonnement(customers.of(ags), subscription,
                serviceNames.of(List.of(subscription.serviceId())).get(subscription.serviceId()), errors);
    }

    /** The box ticked names the version the person read; unticked, nothing is accepted and the service says so. */
    private static AcceptedTerms acceptedTerms(Map<String, String> form) {
        String version = form.get(ACCEPTED_TERMS);
        return version == null ? null : new AcceptedTerms(version);
    }

    /**
     * Where a violation is shown: the configuration at its input, the terms (not accepted, or another version) at
     * their checkbox, anything else (a missing Leitweg-ID of the tenant) above the form.
     */
    private static String place(String field) {
        if (field.startsWith(ACCEPTED_TERMS)) {
            return ACCEPTED_TERMS;
        }
        return field.startsWith(SchemaForm.ROOT + ".") ? field : FormErrors.FORM;
    }

    private static URI subscriptionPage(String ags, String id) {
        return URI.create("/kommunen/" + ags + "/abonnements/" + id);
    }

    private static Plan planOf(CatalogService service, String planId) {
        return service.plan(planId).orElseThrow(() -> new NotFoundException("no plan " + planId));
    }
}
