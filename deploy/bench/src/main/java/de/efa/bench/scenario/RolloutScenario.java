package de.efa.bench.scenario;

import de.efa.bench.Options;
import de.efa.bench.data.Gemeinde;
import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * National rollout (deploy/bench/README.md): every German Gemeinde subscribes to one service; the clock runs from the
 * first subscribe request until every subscription is ACTIVE. Target: under 60 s.
 */
public final class RolloutScenario implements Scenario {

    private static final Duration TARGET = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public String summary() {
        return "every Gemeinde (10,751) subscribes to one service; time until all ACTIVE (target < 60 s)";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "municipalities", "how many of gemeinden.csv, in AGS order (default all 10751)",
                "threads", "concurrent subscribe requests (default 16)",
                "timeout", "give up waiting for ACTIVE after this (default 15m)");
    }

    @Override
    public Report run(Options options, BenchLog log) {
        List<Gemeinde> all = Gemeinde.all();
        List<Gemeinde> gemeinden = all.subList(0, Math.min(all.size(), options.integer("municipalities", all.size())));
        int threads = options.integer("threads", 16);
        Report report = new Report("rollout: " + gemeinden.size() + " municipalities subscribe to one service");
        try (BenchStack stack = BenchStack.start(log);
             SubscriptionCounts counts = new SubscriptionCounts(stack.stack().jdbcUrl(Service.TENANT))) {
            Onboarding onboarding = new Onboarding(stack, log);
            String serviceId = onboarding.publishService();
            log.info("registering and approving %d municipalities", gemeinden.size());
            onboarding.registerTenants(gemeinden, 8);
            onboarding.awaitServiceKnown(serviceId, gemeinden.get(0), Duration.ofSeconds(120));

            log.info("subscribing every municipality, %d requests at a time", threads);
            CpuMeter cpu = CpuMeter.start(stack);
            Instant first = Instant.now();
            List<Subscribed> subscriptions = onboarding.subscribeAll(gemeinden, serviceId, threads);
            Instant lastAnswer = Instant.now();
            double submitSeconds = Duration.between(first, lastAnswer).toMillis() / 1000.0;
            log.info("%d subscribe requests answered in %.1f s", subscriptions.size(), submitSeconds);
            Instant allActive = onboarding.awaitActive(counts, gemeinden.size(), options.duration("timeout",
                    Duration.ofMinutes(15)), Duration.ofMinutes(3), now -> { });
            cpu.report(report, "first subscribe → all ACTIVE", gemeinden.size(), "subscription");

            report.line("subscribe requests: %d in %.1f s (%.0f/s), %d at a time", subscriptions.size(), submitSeconds,
                    subscriptions.size() / submitSeconds, threads);
            Outcome.requests(report, subscriptions);
            report.line("provisioning stats of the marketplace: %s", stack.as(Service.MARKETPLACE,
                    stack.accounts().operator()).get("/api/v1/provisioning/stats").abbreviated());
            if (allActive == null) {
                report.check("every Gemeinde ACTIVE in under 60 s", "not all ACTIVE: " + counts.byStatus(), false);
            } else {
                Duration took = Duration.between(first, allActive);
                report.line("first subscribe → last ACTIVE: %.1f s (requests took %.1f s of it)",
                        took.toMillis() / 1000.0, submitSeconds);
                report.check("every Gemeinde ACTIVE in under 60 s", String.format("%.1f s", took.toMillis() / 1000.0),
                        took.compareTo(TARGET) < 0);
            }
            PipelineStages.describe(report, stack);
            Outcome.verify(report, onboarding, subscriptions, log);
        }
        return report;
    }
}
