package de.efa.bench.scenario;

import de.efa.bench.Options;
import de.efa.bench.data.Gemeinde;
import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Chaos rollout (deploy/bench/README.md): subscriptions while the demo provider fails 20 % of its calls with 500 and
 * delays 10 %, the marketplace-service is killed twice, and Kafka is restarted once. Every subscription must end
 * ACTIVE with exactly one instance. Then, under the same faults, plan changes and suspensions
 * ({@link ChangesUnderFaults}).
 */
public final class ChaosScenario implements Scenario {

    private static final Duration DOWN_TIME = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "chaos";
    }

    @Override
    public String summary() {
        return "2,000 subscriptions, then plan changes and suspensions; broker fails 20 %/delays 10 %, marketplace killed three times, Kafka restarted once";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "subscriptions", "how many municipalities subscribe (default 2000)",
                "error-rate", "share of broker calls answered 500 (default 0.2)",
                "slow-rate", "share of broker calls answered late (default 0.1)",
                "slow-delay", "how late (default 2s)",
                "timeout", "give up waiting for ACTIVE after this (default 20m)");
    }

    @Override
    public Report run(Options options, BenchLog log) {
        List<Gemeinde> gemeinden = Sample.spread(options.integer("subscriptions", 2000));
        Map<String, String> faults = Map.of(
                "DEMO_PROVIDER_FAULTS_ERROR_RATE", String.valueOf(options.decimal("error-rate", 0.2)),
                "DEMO_PROVIDER_FAULTS_SLOW_RATE", String.valueOf(options.decimal("slow-rate", 0.1)),
                "DEMO_PROVIDER_FAULTS_SLOW_DELAY", options.duration("slow-delay", Duration.ofSeconds(2)).toMillis() + "ms");
        Report report = new Report("chaos: " + gemeinden.size() + " subscriptions under faults");
        report.line("demo provider faults: %s", faults);
        try (BenchStack stack = BenchStack.withDemoProvider(faults, log);
             SubscriptionCounts counts = new SubscriptionCounts(stack.stack())) {
            Onboarding onboarding = new Onboarding(stack, log);
            String serviceId = onboarding.publishService();
            onboarding.registerTenants(gemeinden, 8);
            onboarding.awaitServiceKnown(serviceId, gemeinden.get(0), Duration.ofSeconds(120));

            log.info("subscribing %d municipalities while the faults happen", gemeinden.size());
            Instant first = Instant.now();
            CompletableFuture<List<Subscribed>> subscribing =
                    CompletableFuture.supplyAsync(() -> onboarding.subscribeAll(gemeinden, serviceId, 16));
            List<String> events = new ArrayList<>();
            LongSupplier active = () -> counts.count("ACTIVE");
            int n = gemeinden.size();

            awaitOrTimeout(() -> counts.byStatus().values().stream().mapToLong(Long::longValue).sum() >= n / 10);
            events.add(logged(log, killAndRestart(stack, first, active, "first")));
            awaitOrTimeout(() -> active.getAsLong() >= n * 3L / 10);
            events.add(logged(log, restartKafka(stack, first, active)));
            awaitOrTimeout(() -> active.getAsLong() >= n * 6L / 10);
            events.add(logged(log, killAndRestart(stack, first, active, "second")));

            List<Subscribed> subscriptions = subscribing.join();
            log.info("every subscribe request answered; waiting for ACTIVE");
            Instant allActive = onboarding.awaitActive(counts, n, options.duration("timeout", Duration.ofMinutes(20)),
                    Duration.ofMinutes(5), now -> { });

            events.forEach(event -> report.line("%s", event));
            Outcome.requests(report, subscriptions);
            report.line("subscriptions by status at the end: %s", counts.byStatus());
            report.line("provisioning stats of the marketplace: %s", stack.as(Service.MARKETPLACE,
                    stack.accounts().operator()).get("/api/v1/provisioning/stats").abbreviated());
            report.line("first subscribe → all ACTIVE: %s", allActive == null ? "not reached"
                    : String.format("%.1f s", Duration.between(first, allActive).toMillis() / 1000.0));
            PipelineStages.describe(report, stack);
            Outcome.verify(report, onboarding, subscriptions, log);
            new ChangesUnderFaults(stack, log, counts).run(report, subscriptions,
                    options.duration("timeout", Duration.ofMinutes(20)));
        }
        return report;
    }

    static String killAndRestart(BenchStack stack, Instant first, LongSupplier active, String which) {
        long before = active.getAsLong();
        Instant killed = Instant.now();
        stack.stack().kill(Service.MARKETPLACE);
        Onboarding.pause(DOWN_TIME);
        long restart = System.nanoTime();
        stack.stack().restart(Service.MARKETPLACE);
        return String.format("t+%.1f s: %s kill -9 of the marketplace-service (%d ACTIVE then), down %d s, ready again"
                        + " %.1f s after its restart", seconds(first, killed), which, before, DOWN_TIME.toSeconds(),
                (System.nanoTime() - restart) / 1e9);
    }

    private static String restartKafka(BenchStack stack, Instant first, LongSupplier active) {
        long before = active.getAsLong();
        Instant at = Instant.now();
        long started = System.nanoTime();
        stack.stack().restartKafka();
        return String.format("t+%.1f s: Kafka restarted (%d ACTIVE then), back after %.1f s", seconds(first, at), before,
                (System.nanoTime() - started) / 1e9);
    }

    private static String logged(BenchLog log, String event) {
        log.info("%s", event);
        return event;
    }

    /** Waits for a stage of progress, at most two minutes, so that the faults happen while work is in flight. */
    private static void awaitOrTimeout(BooleanSupplier reached) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!reached.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Onboarding.pause(Duration.ofMillis(100));
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
