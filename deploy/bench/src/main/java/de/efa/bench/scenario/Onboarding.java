package de.efa.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.bench.client.Answer;
import de.efa.bench.client.Endpoint;
import de.efa.bench.data.Gemeinde;
import de.efa.bench.data.PlanFixture;
import de.efa.stack.Service;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The steps of a rollout through the public APIs, shared by the rollout, chaos and Kafka-outage scenarios:
 * providers and one published service, municipalities registered and approved, subscriptions by an operator on
 * their behalf, waiting for ACTIVE, and the check of the outcome at the tenant-service and the demo provider.
 */
public final class Onboarding {

    private static final List<String> PROVIDERS = List.of("akdb", "dataport");
    private static final int PAGE_SIZE = 100;
    /**
     * How often the stopwatch counts. Counting scans the whole subscription table: every 100 ms it took about a sixth
     * of PostgreSQL's CPU in a rollout of 4,000 (PostgreSQL's pg_stat_statements), which the system under test then
     * lacked. Every 500 ms costs a fifth of that, and a figure is late by at most half a second.
     */
    private static final Duration COUNT_INTERVAL = Duration.ofMillis(500);

    private final BenchStack stack;
    private final BenchLog log;
    private final Endpoint tenants;

    public Onboarding(BenchStack stack, BenchLog log) {
        this.stack = stack;
        this.log = log;
        this.tenants = stack.as(Service.TENANT, stack.accounts().operator());
    }

    /**
     * Registers the demo providers {@code akdb} and {@code dataport}, each with its broker at the stack's demo provider
     * ({@code /brokers/{providerId}}).
     */
    public void registerProviders() {
        Endpoint catalog = stack.as(Service.CATALOG, stack.accounts().operator());
        for (String provider : PROVIDERS) {
            catalog.post("/api/v1/providers", Map.of("id", provider, "name", "Anbieter " + provider,
                            "kind", "KOMMUNALER_IT_DIENSTLEISTER", "brokerUrl", stack.stack().url(Service.DEMO_PROVIDER) + "/brokers/" + provider))
                    .expect("registering provider " + provider, 201, 409);
        }
    }

    /** Registers the providers, then creates and publishes one service with the fixture's plans as {@code akdb}. */
    public String publishService() {
        return publishService("buergerservice-online", "Bürgerservice online");
    }

    /** As {@link #publishService()}, for a service of another slug and name beside it. */
    public String publishService(String slug, String name) {
        registerProviders();
        Endpoint akdb = stack.as(Service.CATALOG, stack.accounts().provider("akdb"));
        Map<String, Object> service = Map.ofEntries(
                Map.entry("slug", slug),
                Map.entry("name", name),
                Map.entry("summary", "Anträge, Nachweise und Bescheide der Kommune an einem Ort"),
                Map.entry("keywords", List.of("Bürgerservice", "Antrag")),
                Map.entry("leikaKeys", List.of("99001001000000")),
                Map.entry("themenfeld", "querschnittsleistungen"),
                Map.entry("leadLand", "09"),
                Map.entry("availableIn", List.of()),
                Map.entry("reuseModels", List.of("EFA_MARKTPLATZ")),
                Map.entry("plans", PlanFixture.plans()));
        String id = akdb.post("/api/v1/services", service).expect("creating the service", 201).json().path("id").asText();
        akdb.post("/api/v1/services/" + id + "/publish", null).expect("publishing the service", 200);
        log.info("service %s published", id);
        return id;
    }

    /** Registers and approves every municipality, {@code threads} at a time. */
    public void registerTenants(List<Gemeinde> gemeinden, int threads) {
        long started = System.nanoTime();
        Parallel.map(gemeinden, threads, gemeinde -> {
            tenants.post("/api/v1/tenants", Map.of("ags", gemeinde.ags(), "name", gemeinde.name(),
                            "kind", gemeinde.kind(), "population", gemeinde.population(),
                            "contactEmail", gemeinde.contactEmail()))
                    .expect("registering " + gemeinde.ags(), 201);
            return tenants.post("/api/v1/tenants/" + gemeinde.ags() + "/approve", null)
                    .expect("approving " + gemeinde.ags(), 200);
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("%d municipalities registered and approved in %.1f s (%.0f/s)", gemeinden.size(), seconds,
                gemeinden.size() / seconds);
    }

    /** Imports the first {@code count} municipalities of the file in one request, as ACTIVE tenants. */
    public JsonNode importTenants(int count) {
        long started = System.nanoTime();
        JsonNode imported = tenants.send("POST", "/api/v1/tenants/import", "text/csv", Gemeinde.csv(count), Map.of())
                .expect("importing " + count + " municipalities", 200).json();
        log.info("%d municipalities imported in %.1f s: %s", count, (System.nanoTime() - started) / 1e9, imported);
        return imported;
    }

    /** Starts a rollout of the standard plan, with one configuration for every selected municipality. */
    public JsonNode startRollout(String serviceId, Map<String, Object> select) {
        return tenants.post("/api/v1/rollouts", Map.of("serviceId", serviceId, "planId", PlanFixture.PLAN_ID,
                        "parameters", PlanFixture.commonParameters(), "select", select))
                .expect("starting the rollout", 202).json();
    }

    public JsonNode rollout(String id) {
        return tenants.get("/api/v1/rollouts/" + id).expect("reading the rollout", 200).json();
    }

    /** The subscriptions a rollout made, page by page, as if each municipality had sent its own request. */
    public List<Subscribed> subscriptionsOf(String rolloutId, List<Gemeinde> gemeinden) {
        Map<String, Gemeinde> byAgs = new HashMap<>();
        gemeinden.forEach(gemeinde -> byAgs.put(gemeinde.ags(), gemeinde));
        List<Subscribed> subscribed = new ArrayList<>();
        long total = Long.MAX_VALUE;
        for (int page = 0; (long) page * PAGE_SIZE < total; page++) {
            JsonNode answer = tenants.get("/api/v1/rollouts/" + rolloutId + "/items?size=" + PAGE_SIZE + "&page=" + page)
                    .expect("listing the rollout's items", 200).json();
            total = answer.path("total").asLong();
            for (JsonNode item : answer.path("items")) {
                String id = item.path("subscriptionId").asText(null);
                subscribed.add(new Subscribed(byAgs.get(item.path("ags").asText()), id == null ? 0 : 202, id, 0, 0,
                        id == null ? item.path("status").asText() + ": " + item.path("reason").asText() : null));
            }
        }
        return subscribed;
    }

    /**
     * Waits until the tenant-service's copy of the catalog knows the service as published: until then a subscription
     * is 404, or 409 while only the event of its draft has arrived. The probe sends a configuration that the plan
     * refuses (422), so it creates nothing.
     */
    public void awaitServiceKnown(String serviceId, Gemeinde probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> refused = Map.of("serviceId", serviceId, "planId", PlanFixture.PLAN_ID, "parameters", Map.of());
        while (Instant.now().isBefore(deadline)) {
            Answer answer = tenants.post("/api/v1/tenants/" + probe.ags() + "/subscriptions", refused);
            if (answer.status() == 422) {
                return;
            }
            boolean onlyTheDraftKnown = answer.status() == 409
                    && answer.json().path("detail").asText().contains("is DRAFT");
            if (answer.status() != 404 && !onlyTheDraftKnown) {
                throw new IllegalStateException("probing for the service answered " + answer.status() + ": "
                        + answer.abbreviated());
            }
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the tenant-service did not learn of service " + serviceId + " within " + timeout);
    }

    /** One subscribe request on the municipality's behalf; an unanswered one is recorded, not thrown. */
    public Subscribed subscribe(Gemeinde gemeinde, String serviceId) {
        long sent = System.nanoTime();
        try {
            Answer answer = tenants.post("/api/v1/tenants/" + gemeinde.ags() + "/subscriptions",
                    Map.of("serviceId", serviceId, "planId", PlanFixture.PLAN_ID,
                            "parameters", PlanFixture.parametersOf(gemeinde)));
            long latency = System.nanoTime() - sent;
            String id = answer.status() == 202 ? answer.json().path("id").asText(null) : null;
            return new Subscribed(gemeinde, answer.status(), id, sent, latency,
                    answer.status() == 202 ? null : answer.abbreviated());
        } catch (UncheckedIOException e) {
            return new Subscribed(gemeinde, -1, null, sent, System.nanoTime() - sent, e.getMessage());
        }
    }

    public List<Subscribed> subscribeAll(List<Gemeinde> gemeinden, String serviceId, int threads) {
        return Parallel.map(gemeinden, threads, gemeinde -> subscribe(gemeinde, serviceId));
    }

    /**
     * Polls the subscription counts until {@code expected} are ACTIVE, or until nothing moved for {@code stall},
     * or {@code timeout}; reports progress every few seconds. Returns when ACTIVE was seen, at most
     * {@link #COUNT_INTERVAL} after it was reached, or null.
     */
    public Instant awaitActive(SubscriptionCounts counts, long expected, Duration timeout, Duration stall,
                               Consumer<Map<String, Long>> onPoll) {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastChange = Instant.now();
        Instant lastReport = Instant.EPOCH;
        Map<String, Long> previous = Map.of();
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> now = counts.byStatus();
            Instant at = Instant.now();
            if (now.getOrDefault("ACTIVE", 0L) >= expected) {
                log.info("all %d subscriptions ACTIVE", expected);
                return at;
            }
            onPoll.accept(now);
            if (!now.equals(previous)) {
                previous = now;
                lastChange = at;
            } else if (Duration.between(lastChange, at).compareTo(stall) > 0) {
                log.info("no progress for %d s, giving up: %s", stall.toSeconds(), now);
                return null;
            }
            if (Duration.between(lastReport, at).toSeconds() >= 5) {
                log.info("subscriptions by status: %s", now.isEmpty() ? "(database not readable)" : now);
                lastReport = at;
            }
            pause(COUNT_INTERVAL);
        }
        log.info("timed out after %d s: %s", timeout.toSeconds(), counts.byStatus());
        return null;
    }

    /** Reads every subscription back through the tenant API and counts them by status. */
    public Map<String, Long> statusesViaApi(List<Subscribed> subscriptions, int threads) {
        List<String> statuses = Parallel.map(subscriptions.stream().filter(Subscribed::accepted).toList(), threads,
                s -> {
                    Answer answer = tenants.get("/api/v1/tenants/" + s.gemeinde().ags() + "/subscriptions/"
                            + s.subscriptionId());
                    return answer.status() == 200 ? answer.json().path("status").asText() : "HTTP " + answer.status();
                });
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach(status -> counts.merge(status, 1L, Long::sum));
        return counts;
    }

    /** The demo provider's live instances, by instance id, with how often each is listed and its state. */
    public InstanceCensus instancesAtProvider() {
        return instancesAtProvider("");
    }

    /** As {@link #instancesAtProvider()}, of one service's instances only. */
    public InstanceCensus instancesOfService(String serviceId) {
        return instancesAtProvider("&service_id=" + serviceId);
    }

    private InstanceCensus instancesAtProvider(String filter) {
        Endpoint provider = stack.as(Service.DEMO_PROVIDER, stack.accounts().operator());
        Map<String, Integer> listed = new HashMap<>();
        Map<String, Long> states = new TreeMap<>();
        Map<String, String> plans = new HashMap<>();
        Set<String> suspended = new HashSet<>();
        long total = Long.MAX_VALUE;
        for (int page = 0; (long) page * PAGE_SIZE < total; page++) {
            JsonNode answer = provider.get("/instances?size=" + PAGE_SIZE + "&page=" + page + filter)
                    .expect("listing instances", 200).json();
            total = answer.path("total").asLong();
            for (JsonNode instance : answer.path("items")) {
                listed.merge(instance.path("instance_id").asText(), 1, Integer::sum);
                states.merge(instance.path("state").asText(), 1L, Long::sum);
                plans.put(instance.path("instance_id").asText(), instance.path("plan_id").asText());
                if (instance.path("suspended").asBoolean()) {
                    suspended.add(instance.path("instance_id").asText());
                }
            }
        }
        return new InstanceCensus(listed, states, plans, suspended, total);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
