package de.efa.portal.web;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Page;
import de.efa.portal.client.Plan;
import de.efa.portal.client.Rollout;
import de.efa.portal.client.RolloutApi;
import de.efa.portal.client.RolloutRequest;
import de.efa.portal.client.ServiceException;
import de.efa.portal.service.CatalogNames;
import de.efa.portal.service.Customers;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.FormField;
import de.efa.portal.service.SchemaForm;
import de.efa.portal.service.ServiceNames;
import de.efa.portal.service.Showcase;
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
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Rollouts: one plan subscribed with one configuration for many municipalities at once, by the operators for any
 * (every active one, a Land, a Kreis, a list of AGS), by a bundler for the municipalities that gave it a mandate. The
 * list, starting one with the plan's form, and following one municipality by municipality. The tenant-service
 * decides who may roll out what; its refusals are shown at the inputs.
 */
@Path(RolloutResource.PATH)
@RolesAllowed({Viewer.OPERATOR, Viewer.BUNDLER})
@Produces(MediaType.TEXT_HTML)
public class RolloutResource {

    static final String PATH = "/rollouts";
    private static final int PAGE_SIZE = 25;
    /** The chooser's select: a service and one of its plans, as {@code serviceId/planId}. */
    private static final String OFFER = "angebot";
    /** The hidden input that makes a form sent twice (a double click, a reload) start one rollout. */
    private static final String IDEMPOTENCY_KEY = "idempotencyKey";
    private static final String SELECT = "select";
    private static final String ALL = "select.all";
    private static final String LAND = "select.land";
    private static final String KREIS = "select.kreis";
    private static final String AGS = "select.ags";
    private static final String CLIENTS_OF = "select.clientsOf";
    private static final List<String> SELECT_INPUTS = List.of(ALL, LAND, KREIS, CLIENTS_OF);
    /** AGS typed one a line, or separated by commas or spaces as they are copied from a table. */
    private static final Pattern AGS_SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final String FORBIDDEN = "Keine Berechtigung: Ein Bündler rollt nur an Kommunen aus, die ihm ein "
            + "Mandat erteilt haben, und alle Kommunen auf einmal wählt nur der Betrieb des Marktplatzes.";

    private final RolloutApi rollouts;
    private final CatalogApi catalog;
    private final Showcase showcase;
    private final ServiceNames serviceNames;
    private final Customers customers;

    public RolloutResource(@RestClient RolloutApi rollouts, @RestClient CatalogApi catalog, Showcase showcase,
                           ServiceNames serviceNames, Customers customers) {
        this.rollouts = rollouts;
        this.catalog = catalog;
        this.showcase = showcase;
        this.serviceNames = serviceNames;
        this.customers = customers;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rollouts(Page<Rollout> rollouts, CatalogNames names);

        static native TemplateInstance neu(List<Choices.Choice> offers, FormErrors errors);

        static native TemplateInstance starten(CatalogService service, Plan plan, List<FormField> fields,
                                               List<Choices.Choice> clients, Map<String, String> form,
                                               List<String> chosen, String idempotencyKey, FormErrors errors);

        static native TemplateInstance rollout(Rollout rollout, CatalogNames names, Page<Rollout.Item> items,
                                               ItemFilter filter);
    }

    /** The municipalities of a rollout shown: those in one status or all, and which page of them. */
    public record ItemFilter(String rolloutId, String status, int page) {

        public ItemFilter {
            status = Filters.given(status);
            page = Math.max(0, page);
        }

        public String path() {
            return PATH + "/" + rolloutId;
        }

        /** This filter's link up to the page number, for the pager and the page's own refresh. */
        public String pageBase() {
            return Filters.pageBase(path(), "status", status);
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("seite") String page) {
        Page<Rollout> found = rollouts.rollouts(Filters.page(page, PAGE_SIZE), PAGE_SIZE);
        return Templates.rollouts(found, serviceNames.of(found.items().stream().map(Rollout::serviceId).toList()));
    }

    /** Choosing the service and plan; once chosen, on to the plan's form. */
    @GET
    @Path("/neu")
    public Response choose(@QueryParam(OFFER) String offer) {
        if (offer == null) {
            return Response.ok(Templates.neu(offers(), FormErrors.none())).build();
        }
        String[] chosen = offer.split("/", -1);
        if (chosen.length != 2 || chosen[0].isBlank() || chosen[1].isBlank()) {
            return Response.status(400).entity(Templates.neu(offers(),
                    FormErrors.none().add(OFFER, "Bitte eine Leistung mit einem ihrer Pläne wählen."))).build();
        }
        return Response.seeOther(URI.create(PATH + "/neu/" + Filters.segment(chosen[0]) + "/"
                + Filters.segment(chosen[1]))).build();
    }

    @GET
    @Path("/neu/{serviceId}/{planId}")
    public TemplateInstance form(@PathParam("serviceId") String serviceId, @PathParam("planId") String planId) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = SubscriptionResource.planOf(service, planId);
        return Templates.starten(service, plan, new SchemaForm(plan.parameters()).fields(Map.of(), FormErrors.none()),
                clients(), Map.of(), List.of(), UUID.randomUUID().toString(), FormErrors.none());
    }

    /**
     * Starts the rollout and shows it. A refused one (the selection, the configuration, terms not accepted, a
     * municipality without a mandate) comes back with what was typed and a new Idempotency-Key: a refusal created
     * nothing, and the corrected request is another one.
     */
    @POST
    @Path("/neu/{serviceId}/{planId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("serviceId") String serviceId, @PathParam("planId") String planId,
                          MultivaluedMap<String, String> form) {
        CatalogService service = catalog.service(serviceId);
        Plan plan = SubscriptionResource.planOf(service, planId);
        SchemaForm schemaForm = new SchemaForm(plan.parameters());
        Map<String, String> values = Forms.single(form);
        List<String> chosen = agsOf(form.get(AGS));
        try {
            Rollout rollout = rollouts.start(Forms.text(values.get(IDEMPOTENCY_KEY)), new RolloutRequest(serviceId,
                    planId, schemaForm.parameters(values), Forms.acceptedTerms(values), selection(values, chosen)));
            return Response.seeOther(URI.create(PATH + "/" + rollout.id())).build();
        } catch (ServiceException e) {
            FormErrors errors = e.status() == 403 ? FormErrors.none().add(FormErrors.FORM, FORBIDDEN)
                    : Forms.errorsOf(e, RolloutResource::place);
            return Response.status(e.status()).entity(Templates.starten(service, plan,
                    schemaForm.fields(values, errors), clients(), values, chosen, UUID.randomUUID().toString(),
                    errors)).build();
        }
    }

    /** A rollout with its progress and its municipalities, filtered by status; refreshes itself while it runs. */
    @GET
    @Path("/{id}")
    public TemplateInstance rollout(@PathParam("id") String id, @QueryParam("status") String status,
                                    @QueryParam("seite") String page) {
        ItemFilter filter = new ItemFilter(id, status, Filters.page(page, PAGE_SIZE));
        Rollout rollout = rollouts.rollout(id);
        Page<Rollout.Item> items = rollouts.items(id, filter.status(), filter.page(), PAGE_SIZE);
        return Templates.rollout(rollout, serviceNames.of(List.of(rollout.serviceId())), items, filter);
    }

    /** Every published service's plans, by name, as the chooser offers them. */
    private List<Choices.Choice> offers() {
        Collator german = Collator.getInstance(Locale.GERMANY);
        return showcase.published().stream()
                .flatMap(service -> service.plans().stream().map(plan -> new Choices.Choice(
                        service.id() + "/" + plan.id(), service.name() + " – Plan " + plan.name())))
                .sorted(Comparator.comparing(Choices.Choice::name, german))
                .toList();
    }

    /** A bundler's clients to choose from; nobody else chooses from a list. */
    private List<Choices.Choice> clients() {
        return customers.clients().stream().map(client -> new Choices.Choice(client.ags(), client.name())).toList();
    }

    /** The selection as typed: what was left empty is not given, so that the service names a selection of nothing. */
    private static Rollout.Selection selection(Map<String, String> values, List<String> ags) {
        return new Rollout.Selection(values.containsKey(ALL) ? Boolean.TRUE : null, Forms.text(values.get(LAND)),
                Forms.text(values.get(KREIS)), ags.isEmpty() ? null : ags, Forms.text(values.get(CLIENTS_OF)));
    }

    /** The AGS of the operator's text area, or of the bundler's ticked clients. */
    private static List<String> agsOf(List<String> inputs) {
        return inputs == null ? List.of() : inputs.stream()
                .flatMap(input -> Arrays.stream(AGS_SEPARATORS.split(input)))
                .filter(ags -> !ags.isBlank())
                .toList();
    }

    /**
     * Where a violation is shown: the configuration and the selection's inputs at themselves, an AGS of the list at
     * the list, the selection as a whole at its group, the terms at their checkbox, anything else above the form.
     */
    private static String place(String field) {
        if (field.startsWith(Forms.ACCEPTED_TERMS)) {
            return Forms.ACCEPTED_TERMS;
        }
        if (field.startsWith(AGS)) {
            return AGS;
        }
        if (field.startsWith(SchemaForm.ROOT + ".")) {
            return SchemaForm.inputOf(field);
        }
        if (SELECT_INPUTS.contains(field)) {
            return field;
        }
        return field.equals(SELECT) || field.startsWith(SELECT + ".") ? SELECT : FormErrors.FORM;
    }
}
