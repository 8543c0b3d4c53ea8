package de.efa.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.portal.client.Interest;
import de.efa.portal.client.InterestApi;
import de.efa.portal.client.Page;
import de.efa.portal.client.Plan;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.Subscription;
import de.efa.portal.service.CatalogNames;
import de.efa.portal.service.Euro;
import de.efa.portal.service.FormErrors;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A provider's inbox of Interessenbekundungen in its services, each answered with an offer (prices in euros, a start
 * date, a note) or declined with a reason.
 */
@Path("/anbieter/interessen")
@RolesAllowed(Viewer.PROVIDER)
@Produces(MediaType.TEXT_HTML)
public class InterestResource {

    /** What the inbox shows first: the interests still waiting for an answer. */
    private static final String OPEN = "INTEREST_DECLARED";
    /** The filter that shows every interest, however it ended. */
    private static final String ALL = "alle";
    private static final int PAGE_SIZE = 25;
    private static final String SETUP_FEE = "conditions.setupFeeCents";
    private static final String ANNUAL = "conditions.annualCents";
    private static final String REASON = "reason";

    private final InterestApi interests;
    private final ServiceNames serviceNames;

    public InterestResource(@RestClient InterestApi interests, ServiceNames serviceNames) {
        this.interests = interests;
        this.serviceNames = serviceNames;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance interessen(Page<Interest> interests, String status, CatalogNames names,
                                                  String pageBase);

        static native TemplateInstance interesse(Interest interest, CatalogNames names, List<Setting> configuration,
                                                 Map<String, String> form, FormErrors errors);

        static native TemplateInstance ablehnen(Interest interest, CatalogNames names, String reason);
    }

    @GET
    public TemplateInstance inbox(@QueryParam("status") String status, @QueryParam("seite") String page) {
        String shown = status == null || status.isBlank() ? OPEN : status;
        Page<Interest> found = interests.interests(ALL.equals(shown) ? null : shown, Filters.page(page, PAGE_SIZE),
                PAGE_SIZE);
        return Templates.interessen(found, shown, serviceNames.of(found.items().stream()
                .map(interest -> interest.subscription().serviceId()).toList()),
                Filters.pageBase("/anbieter/interessen", "status", shown));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance interest(@PathParam("id") String id) {
        return page(find(id), Map.of(), FormErrors.none());
    }

    @POST
    @Path("/{id}/angebot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response offer(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        FormErrors errors = FormErrors.none();
        Interest.Conditions conditions = new Interest.Conditions(
                Euro.fromInput(values.get(SETUP_FEE), SETUP_FEE, errors), Euro.fromInput(values.get(ANNUAL), ANNUAL, errors),
                Forms.text(values.get("conditions.startDate")), Forms.text(values.get("conditions.note")));
        return answer(id, values, errors, () -> interests.offer(id, new Interest.Offer(conditions)));
    }

    /**
     * Asks before an interest is declined (WCAG 3.3.4), with the reason typed on the interest's page to check once
     * more: the municipality is told, and the interest cannot be answered again. The reason comes in a POST that
     * changes nothing, not in the address, where a long one would pass the portal's limit and any would stay in the
     * browser's history. One that is no longer open has nothing to confirm and is shown as it is.
     */
    @POST
    @Path("/{id}/ablehnung/pruefen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmDecline(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Interest interest = find(id);
        if (!OPEN.equals(interest.subscription().status())) {
            return Response.seeOther(URI.create("/anbieter/interessen/" + id)).build();
        }
        return Response.ok(Templates.ablehnen(interest, namesOf(interest), Forms.single(form).get(REASON))).build();
    }

    /** The confirmation's address entered anew has no reason to confirm: back to the interest. */
    @GET
    @Path("/{id}/ablehnung/pruefen")
    public Response backToTheInterest(@PathParam("id") String id) {
        return Response.seeOther(URI.create("/anbieter/interessen/" + id)).build();
    }

    @POST
    @Path("/{id}/ablehnung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, String> values = Forms.single(form);
        return answer(id, values, FormErrors.none(),
                () -> interests.decline(id, new Interest.Decline(Forms.text(values.get(REASON)))));
    }

    /** Sends the answer unless the form already has errors; back to the inbox, or to the form with the messages. */
    private Response answer(String id, Map<String, String> values, FormErrors errors, Supplier<Interest> send) {
        FormErrors shown = errors;
        if (!errors.any()) {
            try {
                send.get();
                return Response.seeOther(URI.create("/anbieter/interessen")).build();
            } catch (ServiceException e) {
                shown = Forms.errorsOf(e);
            }
        }
        return Response.status(400).entity(page(find(id), values, shown)).build();
    }

    /**
     * The interest's page, with the configuration the municipality entered, which the provider's offer and the
     * connection it coordinates depend on; labelled by the plan's schema while the catalog still has the plan.
     */
    private TemplateInstance page(Interest interest, Map<String, String> form, FormErrors errors) {
        Subscription subscription = interest.subscription();
        CatalogNames names = namesOf(interest);
        JsonNode schema = names.published(subscription.serviceId())
                .flatMap(service -> service.plan(subscription.planId())).map(Plan::parameters).orElse(null);
        return Templates.interesse(interest, names, Setting.of(schema, subscription.parameters()), form, errors);
    }

    private CatalogNames namesOf(Interest interest) {
        return serviceNames.of(List.of(interest.subscription().serviceId()));
    }

    /** The inbox has no address per interest, so the interest is looked up in it, every status included. */
    private Interest find(String id) {
        Page<Interest> page;
        int number = 0;
        do {
            page = interests.interests(null, number++, 100);
            for (Interest interest : page.items()) {
                if (interest.subscription().id().equals(id)) {
                    return interest;
                }
            }
        } while (page.hasNext());
        throw new NotFoundException("no interest " + id);
    }
}
