package de.efa.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.bench.Options;
import de.efa.bench.data.Gemeinde;
import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * National rollout (deploy/bench/README.md). Per request: every German Gemeinde subscribes to one service, the clock
 * runs from the first subscribe request until every subscription is ACTIVE (target under 120 s). Bulk: an operator
 * imports every Gemeinde and starts one rollout to all of them, the clock runs from the rollout request until every
 * subscription is ACTIVE (target under 60 s).
 */
public final class RolloutScenario implements Scenario {

    private static final Duration PER_REQUEST_TARGET = Duration.ofSeconds(120);
    private static final Duration BULK_TARGET = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public String summary() {
        return "every Gemeinde (10,751) subscribes to one service; time until all ACTIVE (target < 120 s, --bulk < 60 s)";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "bulk", "one import and one rollout of {\"all\": true} instead of one request per municipality",
                "full-jit", "JVMs with C2 as well, as the search runs them, not C1 only as the local stack's",
                "warm", "with --bulk: first an unmeasured rollout of another service to every municipality, so that"
                        + " the measured one meets JVMs that have run one, as a marketplace in service does",
                "municipalities", "how many of gemeinden.csv, in AGS order (default all 10751)",
                "threads", "concurrent subscribe requests (default 16)",
                "timeout", "give up waiting for ACTIVE after this (default 15m)");
    }

    @Override
    public Report run(Options options, BenchLog log) {
        List<Gemeinde> all = Gemeinde.all();
        List<Gemeinde> gemeinden = all.subList(0, Math.min(all.size(), options.integer("municipalities", all.size())));
        boolean bulk = options.flag("bulk");
        boolean fullJit = options.flag("full-jit");
        boolean warm = options.flag("warm");
        if (warm && !bulk) {
            throw new IllegalArgumentException("--warm goes with --bulk");
        }
        Report report = new Report("rollout" + (bulk ? " --bulk: " + gemeinden.size()
                + " municipalities imported, one rollout to all of them"
                : ": " + gemeinden.size() + " municipalities subscribe to one service"));
        // C1 only by default: a rollout is a burst of minutes on freshly started JVMs, over before C2's compilations
        // pay for themselves on 2 cores (deploy/bench/README.md, "A rollout's compiler, bulkhead and job claim").
        try (BenchStack stack = fullJit ? BenchStack.start(log) : BenchStack.withLocalStackJvmOptions(log);
             SubscriptionCounts counts = new SubscriptionCounts(stack.stack())) {
            report.line("JVMs of the stack: %s%s", fullJit ? "C1 and C2 (--full-jit)" : "C1 only, as the local stack's",
                    warm ? ", warmed up by a rollout of another service to every municipality (--warm)" : "");
            Onboarding onboarding = new Onboarding(stack, log);
            String serviceId = onboarding.publishService();
            Duration timeout = options.duration("timeout", Duration.ofMinutes(15));
            List<Subscribed> subscriptions = bulk
                    ? bulk(onboarding, serviceId, gemeinden, warm, counts, timeout, stack, report, log)
                    : perRequest(onboarding, serviceId, gemeinden, options.integer("threads", 16), counts, timeout,
                    stack, report, log);
            report.line("provisioning stats of the marketplace%s: %s", warm ? " (both rollouts)" : "",
                    stack.as(Service.MARKETPLACE, stack.accounts().operator()).get("/api/v1/provisioning/stats")
                            .abbreviated());
            PipelineStages.describe(report, stack, serviceId);
            Outcome.verify(report, onboarding, subscriptions, () -> onboarding.instancesOfService(serviceId), log);
        }
        return report;
    }

    private static List<Subscribed> perRequest(Onboarding onboarding, String serviceId, List<Gemeinde> gemeinden,
                                               int threads, SubscriptionCounts counts, Duration timeout,
                                               BenchStack stack, Report report, BenchLog log) {
        log.info("registering and approving %d municipalities", gemeinden.size());
        onboarding.registerTenants(gemeinden, 8);
        onboarding.awaitServiceKnown(serviceId, gemeinden.get(0), Duration.ofSeconds(120));

        log.info("subscribing every municipality, %d requests at a time", threads);
        StatementStatistics statements = StatementStatistics.start(stack);
        CpuMeter cpu = CpuMeter.start(stack);
        Instant first = Instant.now();
        List<Subscribed> subscriptions = onboarding.subscribeAll(gemeinden, serviceId, threads);
        double submitSeconds = seconds(first, Instant.now());
        log.info("%d subscribe requests answered in %.1f s", subscriptions.size(), submitSeconds);
        Instant allActive = onboarding.awaitActive(counts, gemeinden.size(), timeout, Duration.ofMinutes(3), now -> { });
        cpu.report(report, "first subscribe → all ACTIVE", gemeinden.size(), "subscription");
        statements.report(report, 12, gemeinden.size(), "subscription");

        report.line("subscribe requests: %d in %.1f s (%.0f/s), %d at a time", subscriptions.size(), submitSeconds,
                subscriptions.size() / submitSeconds, threads);
        Outcome.requests(report, subscriptions);
        check(report, "first subscribe", first, allActive, PER_REQUEST_TARGET, counts);
        return subscriptions;
    }

    private static List<Subscribed> bulk(Onboarding onboarding, String serviceId, List<Gemeinde> gemeinden,
                                         boolean warm, SubscriptionCounts counts, Duration timeout, BenchStack stack,
                                         Report report, BenchLog log) {
        Instant importStarted = Instant.now();
        JsonNode imported = onboarding.importTenants(gemeinden.size());
        report.line("import of %d lines: %.1f s from request to answer, %s", gemeinden.size(),
                seconds(importStarted, Instant.now()), imported);
        onboarding.awaitServiceKnown(serviceId, gemeinden.get(0), Duration.ofSeconds(120));
        if (warm) {
            warmUp(onboarding, gemeinden, counts, timeout, report, log);
        }
        long activeBefore = counts.count("ACTIVE");

        log.info("one rollout to every ACTIVE municipality");
        StatementStatistics statements = StatementStatistics.start(stack);
        CpuMeter cpu = CpuMeter.start(stack);
        Instant requested = Instant.now();
        JsonNode rollout = onboarding.startRollout(serviceId, Map.of("all", true));
        report.line("rollout request answered 202 in %.3f s", seconds(requested, Instant.now()));
        Instant allActive = onboarding.awaitActive(counts, activeBefore + gemeinden.size(), timeout,
                Duration.ofMinutes(3), now -> { });
        cpu.report(report, "rollout request → all ACTIVE", gemeinden.size(), "subscription");
        statements.report(report, 12, gemeinden.size(), "subscription");
        check(report, "the rollout request", requested, allActive, BULK_TARGET, counts);

        String id = rollout.path("id").asText();
        JsonNode done = onboarding.rollout(id);
        report.line("rollout %s: %s, counts %s", id, done.path("status").asText(), done.path("counts"));
        report.check("the rollout is DONE with every municipality ACTIVE", done.path("status").asText() + " "
                        + done.path("counts"),
                "DONE".equals(done.path("status").asText())
                        && done.path("counts").path("active").asLong() == gemeinden.size());
        return onboarding.subscriptionsOf(id, gemeinden);
    }

    /**
     * A rollout of another service to every municipality, on the same JVMs, unmeasured: the code of a rollout has run
     * (and with {@code --full-jit} been compiled by C2) before the measured one, as in a marketplace that has served
     * for a while, whose database also holds a subscription of each municipality already.
     */
    private static void warmUp(Onboarding onboarding, List<Gemeinde> gemeinden, SubscriptionCounts counts,
                               Duration timeout, Report report, BenchLog log) {
        String warmUpService = onboarding.publishService("buergerservice-vorlauf", "Bürgerservice Vorlauf");
        onboarding.awaitServiceKnown(warmUpService, gemeinden.get(0), Duration.ofSeconds(120));
        log.info("warming up: one rollout of another service to every ACTIVE municipality, not measured");
        Instant requested = Instant.now();
        onboarding.startRollout(warmUpService, Map.of("all", true));
        Instant allActive = onboarding.awaitActive(counts, gemeinden.size(), timeout, Duration.ofMinutes(3),
                now -> { });
        if (allActive == null) {
            throw new IllegalStateException("the warm-up rollout did not finish: " + counts.byStatus());
        }
        report.line("warm-up: a rollout of another service to all %d, all ACTIVE %.1f s after its request (not"
                + " measured)", gemeinden.size(), seconds(requested, allActive));
    }

    private static void check(Report report, String from, Instant start, Instant allActive, Duration target,
                              SubscriptionCounts counts) {
        String name = "every Gemeinde ACTIVE in under " + target.toSeconds() + " s";
        if (allActive == null) {
            report.check(name, "not all ACTIVE: " + counts.byStatus(), false);
            return;
        }
        Duration took = Duration.between(start, allActive);
        report.line("%s → last ACTIVE: %.1f s", from, took.toMillis() / 1000.0);
        report.check(name, String.format("%.1f s", took.toMillis() / 1000.0), took.compareTo(target) < 0);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
