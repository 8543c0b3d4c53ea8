package de.efa.portal.web;

import de.efa.portal.client.DeadLetter;
import de.efa.portal.client.Job;
import de.efa.portal.client.MarketplaceApi;
import de.efa.portal.client.Page;
import de.efa.portal.client.ServiceException;
import de.efa.portal.client.Stats;
import de.efa.portal.client.Tenant;
import de.efa.portal.client.TenantApi;
import de.efa.portal.service.CatalogNames;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.ServiceNames;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The marketplace's operators: figures, tenants to approve, suspend and reactivate, provisioning jobs with every
 * attempt, dead letters.
 */
@Path("/betrieb")
@RolesAllowed(Viewer.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class OperatorResource {

    private static final int PAGE_SIZE = 25;
    /** What the list shows first: the tenants waiting for approval. */
    private static final String PENDING = "PENDING";
    /**
     * The filter that shows every tenant. Not the empty value: a browser sends an empty choice as {@code status=},
     * which arrives as no choice at all.
     */
    private static final String ALL = "alle";

    private final MarketplaceApi marketplace;
    private final TenantApi tenants;
    private final ServiceNames serviceNames;

    public OperatorResource(@RestClient MarketplaceApi marketplace, @RestClient TenantApi tenants,
                            ServiceNames serviceNames) {
        this.marketplace = marketplace;
        this.tenants = tenants;
        this.serviceNames = serviceNames;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kennzahlen(Stats stats, List<StatusBar> bars, BarChart durations,
                                                  BarChart perMinute);

        static native TemplateInstance kommunen(Page<Tenant> tenants, String status, String pageBase, String notice);

        static native TemplateInstance sperren(Tenant tenant, String status, int page, String back);

        static native TemplateInstance auftraege(Page<Job> jobs, JobFilter filter, CatalogNames names,
                                                 FormErrors errors);

        static native TemplateInstance auftrag(Job job, CatalogNames names, String notice);

        static native TemplateInstance unzustellbar(Page<DeadLetter> letters);
    }

    /** One status with its count and its share of the largest count, for a bar whose width needs no script. */
    public record StatusBar(String status, long count, long percent) {
    }

    /** The filters of the job list as the operator typed them. */
    public record JobFilter(String status, String ags, String serviceId, int page) {

        /** The input of the service filter; the marketplace calls it {@code serviceId}. */
        static final String SERVICE_INPUT = "leistung";

        public JobFilter {
            status = Filters.given(status);
            ags = Filters.given(ags);
            serviceId = Filters.given(serviceId);
            page = Math.max(0, page);
        }

        /** These filters' link up to the page number, for the pager. */
        public String pageBase() {
            return Filters.pageBase("/betrieb/auftraege", "status", status, "ags", ags, SERVICE_INPUT, serviceId);
        }

        /**
         * Where the marketplace's objection to a filter is shown: the AGS and the service at their inputs, anything
         * else (a status or page no link of the portal sends) above the list.
         */
        static String input(String field) {
            return switch (field) {
                case "ags" -> field;
                case "serviceId" -> SERVICE_INPUT;
                default -> FormErrors.FORM;
            };
        }
    }

    @GET
    public TemplateInstance figures() {
        Stats stats = marketplace.stats();
        long largest = stats.counts().values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<StatusBar> bars = stats.counts().entrySet().stream()
                .map(e -> new StatusBar(e.getKey(), e.getValue(), largest == 0 ? 0 : e.getValue() * 100 / largest))
                .toList();
        return Templates.kennzahlen(stats, bars, durations(stats), perMinute(stats.perMinute()));
    }

    /**
     * How long a subscription took from the request to ACTIVE; from a marketplace that does not give that yet, how
     * long jobs took to their result. Null while none finished.
     */
    private static BarChart durations(Stats stats) {
        if (stats.timeToActiveMs() != null) {
            return durations(stats.timeToActiveMs(), "Dauer vom Antrag bis „Aktiv“", "gelungenen Bereitstellungen");
        }
        return durations(stats.durationMs(), "Dauer vom Antrag bis zum Ergebnis", "abgeschlossenen Aufträgen");
    }

    private static BarChart durations(Stats.Durations durations, String title, String finished) {
        if (durations.p50() == null) {
            return null;
        }
        List<BarChart.Bar> bars = List.of(duration("Median", durations.p50()), duration("95 %", durations.p95()),
                duration("Längste", durations.max()));
        return new BarChart(title, "Median " + Formats.seconds(durations.p50()) + ", 95 % höchstens "
                + Formats.seconds(durations.p95()) + ", längste " + Formats.seconds(durations.max()) + ", aus "
                + Formats.grouped(durations.finished()) + " " + finished + ".", "Dauer", bars);
    }

    private static BarChart.Bar duration(String label, Long millis) {
        return new BarChart.Bar(label, millis == null ? 0 : millis, Formats.seconds(millis), true);
    }

    /** Jobs finished per minute over the last hour, a label every ten minutes; null while the service gives none. */
    private static BarChart perMinute(List<Stats.Minute> minutes) {
        if (minutes == null || minutes.isEmpty()) {
            return null;
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < minutes.size(); i++) {
            Stats.Minute minute = minutes.get(i);
            bars.add(new BarChart.Bar(Formats.clock(minute.minute()), minute.finished(),
                    Formats.grouped(minute.finished()), i % 10 == 0));
        }
        long most = minutes.stream().mapToLong(Stats.Minute::finished).max().orElse(0);
        long all = minutes.stream().mapToLong(Stats.Minute::finished).sum();
        return new BarChart("Abgeschlossene Aufträge je Minute", "Von " + Formats.clock(minutes.get(0).minute())
                + " bis " + Formats.clock(minutes.get(minutes.size() - 1).minute()) + " Uhr "
                + Formats.grouped(all) + " Aufträge abgeschlossen, in der stärksten Minute " + Formats.grouped(most)
                + ".", "Abgeschlossen", bars);
    }

    /**
     * The tenants in one status, those waiting for approval unless asked otherwise; {@value #ALL} shows all of
     * them, which after an import of the municipality directory are thousands, a page at a time.
     */
    @GET
    @Path("/kommunen")
    public TemplateInstance tenants(@QueryParam("status") String status, @QueryParam("seite") String page) {
        return tenantsPage(status, Filters.page(page, PAGE_SIZE), null);
    }

    /**
     * Approves a tenant and shows the list again as it was filtered; an approval the tenant-service refuses (approved
     * or refused by someone else meanwhile) shows the list as it is now, with why nothing happened.
     */
    @POST
    @Path("/kommunen/{ags}/freigabe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("ags") String ags, @FormParam("status") String status,
                            @FormParam("seite") String page) {
        return tenantStep(ags, tenants::approve, "freigegeben", status, page);
    }

    /**
     * Asks before a tenant is suspended: the providers lock its instances, so the municipality's staff and citizens
     * cannot use its services until it is reactivated (WCAG 3.3.4). A tenant that is not (any more) ACTIVE has
     * nothing to confirm and the list is shown again.
     */
    @GET
    @Path("/kommunen/{ags}/sperre")
    public Response confirmSuspend(@PathParam("ags") String ags, @QueryParam("status") String status,
                                   @QueryParam("seite") String page) {
        Tenant tenant = tenants.tenant(ags);
        if (!tenant.active()) {
            return Response.seeOther(tenantsAsFiltered(status, page)).build();
        }
        return Response.ok(Templates.sperren(tenant, shown(status), Filters.page(page, PAGE_SIZE),
                tenantsAsFiltered(status, page).toString())).build();
    }

    /**
     * Suspends a tenant and shows the list again as it was filtered; a suspension the tenant-service refuses (the
     * tenant was suspended by someone else meanwhile) shows the list as it is now, with why nothing happened.
     */
    @POST
    @Path("/kommunen/{ags}/sperre")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@PathParam("ags") String ags, @FormParam("status") String status,
                            @FormParam("seite") String page) {
        return tenantStep(ags, tenants::suspend, "gesperrt", status, page);
    }

    /** Reactivates a suspended tenant, whose instances the providers then unlock; a refusal as for a suspension. */
    @POST
    @Path("/kommunen/{ags}/entsperrung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reactivate(@PathParam("ags") String ags, @FormParam("status") String status,
                               @FormParam("seite") String page) {
        return tenantStep(ags, tenants::reactivate, "entsperrt", status, page);
    }

    /** A status step of one tenant taken from the list, which comes back as it was filtered, or as it is now. */
    private Response tenantStep(String ags, Consumer<String> step, String done, String status, String page) {
        return Actions.take(() -> {
            step.accept(ags);
            return tenantsAsFiltered(status, page);
        }, "Die Kommune " + ags + " wurde nicht " + done + ".",
                notice -> tenantsPage(status, Filters.page(page, PAGE_SIZE), notice));
    }

    private static URI tenantsAsFiltered(String status, String page) {
        return URI.create(tenantsPageBase(shown(status)) + Filters.page(page, PAGE_SIZE));
    }

    private TemplateInstance tenantsPage(String status, int page, String notice) {
        String shown = shown(status);
        return Templates.kommunen(Filters.within(page, number -> tenants.tenants(ALL.equals(shown) ? null : shown,
                number, PAGE_SIZE)), shown, tenantsPageBase(shown), notice);
    }

    /** Without a choice, the tenants waiting for approval. */
    private static String shown(String status) {
        return status == null || status.isBlank() ? PENDING : status;
    }

    private static String tenantsPageBase(String shown) {
        return Filters.pageBase("/betrieb/kommunen", "status", shown);
    }

    /** The jobs the filters match; a filter the marketplace refuses (an AGS of 7 digits) is shown at its input. */
    @GET
    @Path("/auftraege")
    public Response jobs(@QueryParam("status") String status, @QueryParam("ags") String ags,
                         @QueryParam(JobFilter.SERVICE_INPUT) String serviceId, @QueryParam("seite") String page) {
        JobFilter filter = new JobFilter(status, ags, serviceId, Filters.page(page, PAGE_SIZE));
        try {
            Page<Job> jobs = marketplace.jobs(filter.status(), filter.ags(), filter.serviceId(), filter.page(),
                    PAGE_SIZE);
            return Response.ok(Templates.auftraege(jobs, filter,
                    serviceNames.of(jobs.items().stream().map(Job::serviceId).toList()), FormErrors.none())).build();
        } catch (ServiceException e) {
            return Response.status(400).entity(Templates.auftraege(null, filter, CatalogNames.none(),
                    Forms.errorsOf(e, JobFilter::input))).build();
        }
    }

    @GET
    @Path("/auftraege/{id}")
    public TemplateInstance job(@PathParam("id") String id) {
        return jobPage(id, null);
    }

    /**
     * Retries a failed job; a retry the marketplace refuses (retried or superseded meanwhile, or a failed change,
     * which tenant-service has dropped) shows the job as it is now, with why nothing happened.
     */
    @POST
    @Path("/auftraege/{id}/wiederholung")
    public Response retry(@PathParam("id") String id) {
        return Actions.take(() -> {
            marketplace.retry(id);
            return URI.create("/betrieb/auftraege/" + Filters.segment(id));
        }, "Der Auftrag wurde nicht wiederholt.", notice -> jobPage(id, notice));
    }

    private TemplateInstance jobPage(String id, String notice) {
        Job job = marketplace.job(id);
        return Templates.auftrag(job, serviceNames.of(List.of(job.serviceId())), notice);
    }

    @GET
    @Path("/unzustellbar")
    public TemplateInstance deadLetters(@QueryParam("seite") String page) {
        return Templates.unzustellbar(marketplace.deadLetters(Filters.page(page, PAGE_SIZE), PAGE_SIZE));
    }
}
