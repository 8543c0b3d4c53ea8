package de.efa.portal.web;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.ChangeRequest;
import de.efa.portal.client.ConcludeRequest;
import de.efa.portal.client.Page;
import de.efa.portal.client.Plan;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.SubscribeRequest;
import de.efa.portal.client.Subscription;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import de.efa.portal.service.CatalogNames;
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
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.List;
import java.util.Map;

/**
 * The subscriptions of one municipality, by its AGS: subscribing through the plan's form (accepting its terms, or
 * declaring an interest), following, concluding an offer, changing the plan or configuration, withdrawing and
 * cancelling. A municipality uses them for itself, a bundler for each municipality that gave it a mandate, the
 * operators for any; the tenant-service decides who may.
 */
@Path("/kommunen/{ags}")
@RolesAllowed({Viewer.MUNICIPALITY, Viewer.BUNDLER, Viewer.OPERATOR})
@Produces(MediaType.TEXT_HTML)
public class SubscriptionResource {

    /** The hidden input that carries the subscription's ETag from the change form back to the If-Match. */
    private static final String ETAG = "etag";
    /** The plan a change asks for: the hidden input of the change form, and the query choosing it on the page. */
    private static final String PLAN_ID = "planId";
    private static final String PLAN = "plan";
    private static final String UNCHANGED = "unveraendert";
    private static final String STALE = "Jemand anderes hat das Abonnement inzwischen geändert; Ihre Änderung wurde "
            + "nicht übernommen. Hier sehen Sie den aktuellen Stand. Bitte prüfen Sie Ihre Angaben und beantragen Sie "
            + "die Änderung erneut.";
    private static final String NOTHING_CHANGED = "Plan und Konfiguration waren schon so; es wurde nichts geändert.";
    private static final String NOT_CANCELLED = "Das Abonnement hat sich inzwischen geändert; es wurde nichts gekündigt "
            + "oder zurückgezogen.";
    private static final String NOT_RESUBMITTED = "Das Abonnement wurde nicht erneut beantragt.";
    private static final int PAGE_SIZE = 25;

    private final TenantApi tenants;
    private final CatalogApi catalog;
    private final ServiceNames serviceNames;
    private final Customers customers;
    private final Viewer viewer;

    public SubscriptionResource(@RestClient TenantApi tenants, @RestClient CatalogApi catalog,
                                ServiceNames serviceNames, Customers customers, Viewer viewer) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.serviceNames = serviceNames;
        this.customers = customers;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance abonnements(Tenant tenant, Page<Subscription> subscriptions,
                                                   CatalogNames names, String pageBase);

        static native TemplateInstance abonnement(Tenant tenant, Subscription subscription, CatalogNames names,
                                                  FormErrors errors, ChangeForm change, String notice);

        static native TemplateInstance abonnieren(CatalogService service, Plan plan, Tenant tenant,
                                                  List<FormField> fields, Map<String, String> form, FormErrors errors);

        static native TemplateInstance nichtFreigegeben(CatalogService service, Tenant tenant);

        static native TemplateInstance kuendigen(Tenant tenant, Subscription subscription, String etag,
                                                 CatalogNames names);
    }

    /**
     * The municipality's subscriptions and interests, a page at a time. A municipality whose own AGS is not
     * registered yet (the navigation links here for every municipality) is led to its registration instead.
     */
    @GET
    @Path("/abonnements")
    public Response subscriptions(@PathParam("ags") String ags, @QueryParam("seite") String page) {
        Page<Subscription> found;
        try {
            found = tenants.subscriptions(ags, Filters.page(page, PAGE_SIZE), PAGE_SIZE);
        } catch (ServiceException e) {
            if (e.status() == 404 && ags.equals(viewer.ags())) {
                return Response.seeOther(URI.create("/kommune")).build();
            }
            throw e;
        }
        return Response.ok(Templates.abonnements(customers.of(ags), found,
                serviceNames.of(found.items().stream().map(Subscription::serviceId).toList()),
                Filters.pageBase("/kommunen/" + Filters.segment(ags) + "/abonnements"))).build();
    }

    /**
     * The subscription; {@code plan} chooses the plan its change form is for, {@code unveraendert} follows a change
     * that changed nothing.
     */
    @GET
    @Path("/abonnements/{id}")
    public TemplateInstance subscription(@PathParam("ags") String ags, @PathParam("id") String id,
                                         @QueryParam(PLAN) String plan, @QueryParam(UNCHANGED) boolean unchanged) {
        return detail(ags, tenants.versionedSubscription(ags, id), new Change(plan, null, FormErrors.none()),
                unchanged ? NOTHING_CHANGED : null);
    }

    /**
     * Asks for another plan or configuration under the ETag the person read. A change that changes nothing says so;
     * one that came too late (someone else changed the subscription meanwhile) shows the subscription as it is now,
     * with what the person typed, to be sent again after a look.
     */
    @POST
    @Path("/abonnements/{id}/aenderung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("ags") String ags, @PathParam("id") String id,
                           MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        RestResponse<Subscription> read = tenants.versionedSubscription(ags, id);
        Plan plan = planOf(catalog.service(read.getEntity().serviceId()), values.get(PLAN_ID));
        try {
            RestResponse<Subscription> answer = tenants.change(ags, id, values.get(ETAG), new ChangeRequest(plan.id(),
                    new SchemaForm(plan.parameters()).parameters(values), Forms.acceptedTerms(values)));
            URI page = subscriptionPage(ags, id);
            return Response.seeOther(answer.getStatus() == 200 ? URI.create(page + "?" + UNCHANGED + "=true") : page)
                    .build();
        } catch (ServiceException e) {
            if (e.status() == 412) {
                return Response.status(409).entity(detail(ags, tenants.versionedSubscription(ags, id),
                        new Change(plan.id(), values, FormErrors.none()), STALE)).build();
            }
            Change refused = new Change(plan.id(), values, Forms.errorsOf(e, SubscriptionResource::place));
            return Response.status(422).entity(detail(ags, read.getEntity(), values.get(ETAG), refused, null)).build();
        }
    }

    /**
     * Asks before a subscription is cancelled or an interest withdrawn (WCAG 3.3.4): the provider removes the
     * instance, or the interest ends with its offer, and neither can be undone. One that can be neither (any more) is
     * shown as it is.
     */
    @GET
    @Path("/abonnements/{id}/kuendigung")
    public Response confirmCancel(@PathParam("ags") String ags, @PathParam("id") String id) {
        RestResponse<Subscription> read = tenants.versionedSubscription(ags, id);
        Subscription subscription = read.getEntity();
        if (!subscription.cancellable() && !subscription.withdrawable()) {
            return Response.seeOther(subscriptionPage(ags, id)).build();
        }
        return Response.ok(Templates.kuendigen(customers.of(ags), subscription, read.getHeaderString(HttpHeaders.ETAG),
                serviceNames.of(List.of(subscription.serviceId())))).build();
    }

    /**
     * Cancels an active subscription, or withdraws an interest or an offer, in the version the confirmation page
     * showed: what the person confirmed. One that changed meanwhile (an offer, its conclusion, a change or an expiry
     * came first) is shown as it is now, with why nothing happened.
     */
    @POST
    @Path("/abonnements/{id}/kuendigung")
    public Response cancel(@PathParam("ags") String ags, @PathParam("id") String id, @FormParam(ETAG) String etag) {
        return Actions.take(() -> {
            tenants.cancel(ags, id, etag);
            return subscriptionPage(ags, id);
        }, NOT_CANCELLED, notice -> asItIsNow(ags, id, notice));
    }

    /**
     * Sends a failed subscription to the provider again, which only an operator may. One that is not (any more) FAILED,
     * or whose tenant was suspended meanwhile, is shown as it is now, with why nothing happened.
     */
    @POST
    @Path("/abonnements/{id}/neuantrag")
    @RolesAllowed(Viewer.OPERATOR)
    public Response resubmit(@PathParam("ags") String ags, @PathParam("id") String id) {
        return Actions.take(() -> {
            tenants.resubmit(ags, id);
            return subscriptionPage(ags, id);
        }, NOT_RESUBMITTED, notice -> asItIsNow(ags, id, notice));
    }

    @POST
    @Path("/abonnements/{id}/vertragsschluss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response conclude(@PathParam("ags") String ags, @PathParam("id") String id,
                             MultivaluedMap<String, String> form) {
        try {
            tenants.conclude(ags, id, new ConcludeRequest(Forms.acceptedTerms(Forms.single(form))));
            return Response.seeOther(subscriptionPage(ags, id)).build();
        } catch (ServiceException e) {
            Change none = new Change(null, null, Forms.errorsOf(e, SubscriptionResource::place));
            return Response.status(422).entity(detail(ags, tenants.versionedSubscription(ags, id), none, null)).build();
        }
    }

    /**
     * The plan's form; for a municipality in a Land the service is not released for, which the tenant-service would
     * refuse on sending, the refusal at once instead, as the service's page says it.
     */
    @GET
    @Path("/abonnieren/{serviceId}/{planId}")
    public Response subscribeForm(@PathParam("ags") String ags, @PathParam("serviceId") String serviceId,
                                  @PathParam("planId") String planId) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = planOf(service, planId);
        Tenant tenant = customers.of(ags);
        if (!service.availableIn(tenant.land().code())) {
            return notReleased(service, tenant);
        }
        return Response.ok(Templates.abonnieren(service, plan, tenant,
                new SchemaForm(plan.parameters()).fields(Map.of(), FormErrors.none()), Map.of(), FormErrors.none()))
                .build();
    }

    @POST
    @Path("/abonnieren/{serviceId}/{planId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@PathParam("ags") String ags, @PathParam("serviceId") String serviceId,
                              @PathParam("planId") String planId, MultivaluedMap<String, String> form) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = planOf(service, planId);
        Tenant tenant = customers.of(ags);
        if (!service.availableIn(tenant.land().code())) {
            return notReleased(service, tenant);
        }
        SchemaForm schemaForm = new SchemaForm(plan.parameters());
        Map<String, String> values = Forms.single(form);
        FormErrors errors;
        try {
            Subscription subscription = tenants.subscribe(ags, new SubscribeRequest(serviceId, planId,
                    schemaForm.parameters(values), Forms.acceptedTerms(values)));
            return Response.seeOther(subscriptionPage(ags, subscription.id())).build();
        } catch (ServiceException e) {
            errors = Forms.errorsOf(e, SubscriptionResource::place);
        }
        return Response.status(422).entity(Templates.abonnieren(service, plan, tenant,
                schemaForm.fields(values, errors), values, errors)).build();
    }

    private static Response notReleased(CatalogService service, Tenant tenant) {
        return Response.status(409).entity(Templates.nichtFreigegeben(service, tenant)).build();
    }

    /** The plan a change form is for (null: the plan in effect), what it holds (null: the configuration in effect). */
    private record Change(String planId, Map<String, String> typed, FormErrors errors) {
    }

    /** The subscription's page as it is now, after a step that was refused, with why nothing happened. */
    private TemplateInstance asItIsNow(String ags, String id, String notice) {
        return detail(ags, tenants.versionedSubscription(ags, id), new Change(null, null, FormErrors.none()), notice);
    }

    private TemplateInstance detail(String ags, RestResponse<Subscription> read, Change change, String notice) {
        return detail(ags, read.getEntity(), read.getHeaderString(HttpHeaders.ETAG), change, notice);
    }

    /**
     * The subscription's page; one that may be changed comes with the change form, for which the catalog says the
     * plans and their configuration (and the names of the service and its plans, while at it). A service or plan the
     * catalog no longer shows cannot be changed to or within, so the page then offers no form.
     */
    private TemplateInstance detail(String ags, Subscription subscription, String etag, Change change,
                                    String notice) {
        CatalogNames names = serviceNames.of(List.of(subscription.serviceId()));
        ChangeForm form = !subscription.changeable() ? null : names.published(subscription.serviceId())
                .flatMap(service -> service.plan(subscription.planId())
                        .map(current -> changeForm(service, current, subscription, etag, change)))
                .orElse(null);
        return Templates.abonnement(customers.of(ags), subscription, names, change.errors(), form, notice);
    }

    /**
     * The plans a subscription may change to, when its plan allows a change at all: the service's others, except
     * those reused after an Interessenbekundung, which start with an interest rather than a change.
     */
    private static ChangeForm changeForm(CatalogService service, Plan current, Subscription subscription, String etag,
                                         Change change) {
        List<Choices.Choice> others = current.updatable() ? service.plans().stream()
                .filter(plan -> !plan.id().equals(current.id()) && !plan.contract().interest())
                .map(plan -> new Choices.Choice(plan.id(), plan.name())).toList() : List.of();
        Plan target = others.stream().filter(choice -> choice.code().equals(change.planId())).findFirst()
                .flatMap(choice -> service.plan(choice.code())).orElse(current);
        Map<String, String> values = change.typed() != null ? change.typed()
                : SchemaForm.values(subscription.parameters());
        return new ChangeForm(etag, current, target, others,
                new SchemaForm(target.parameters()).fields(values, change.errors()), values);
    }

    /**
     * Where a violation is shown: the configuration at its input, the terms (not accepted, or another version) at
     * their checkbox, anything else (a missing Leitweg-ID of the tenant) above the form.
     */
    private static String place(String field) {
        if (field.startsWith(Forms.ACCEPTED_TERMS)) {
            return Forms.ACCEPTED_TERMS;
        }
        return field.startsWith(SchemaForm.ROOT + ".") ? SchemaForm.inputOf(field) : FormErrors.FORM;
    }

    private static URI subscriptionPage(String ags, String id) {
        return URI.create("/kommunen/" + ags + "/abonnements/" + id);
    }

    /** The plan of a page's address; a plan the service does not have is no page. */
    static Plan planOf(CatalogService service, String planId) {
        return service.plan(planId).orElseThrow(() -> new NotFoundException("no plan " + planId));
    }
}
