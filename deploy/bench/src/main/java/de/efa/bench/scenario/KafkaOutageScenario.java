package de.efa.bench.scenario;

import de.efa.bench.Options;
import de.efa.bench.client.Endpoint;
import de.efa.bench.data.Gemeinde;
import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Kafka down for 2 minutes while municipalities subscribe (deploy/bench/README.md): every request is still answered
 * 202, the catalog keeps answering its readers and every service stays ready, and once Kafka is back every event is
 * delivered, so every subscription reaches ACTIVE.
 */
public final class KafkaOutageScenario implements Scenario {

    @Override
    public String name() {
        return "kafka-outage";
    }

    @Override
    public String summary() {
        return "municipalities subscribe while Kafka is down for 120 s: all 202, catalog reads and readiness answer, "
                + "all ACTIVE afterwards";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "subscriptions", "how many municipalities subscribe during the outage (default 1000)",
                "outage", "how long Kafka is down (default 120s)",
                "timeout", "give up waiting for ACTIVE after this (default 10m)");
    }

    @Override
    public Report run(Options options, BenchLog log) {
        List<Gemeinde> gemeinden = Sample.spread(options.integer("subscriptions", 1000));
        Duration outage = options.duration("outage", Duration.ofSeconds(120));
        Report report = new Report("kafka-outage: " + gemeinden.size() + " subscriptions while Kafka is down for "
                + outage.toSeconds() + " s");
        try (BenchStack stack = BenchStack.start(log);
             SubscriptionCounts counts = new SubscriptionCounts(stack.stack())) {
            Onboarding onboarding = new Onboarding(stack, log);
            String serviceId = onboarding.publishService();
            onboarding.registerTenants(gemeinden, 8);
            onboarding.awaitServiceKnown(serviceId, gemeinden.get(0), Duration.ofSeconds(120));

            log.info("stopping Kafka");
            stack.stack().stopKafka();
            Instant down = Instant.now();
            OutageWatch watch = new OutageWatch(probes(stack, serviceId));
            List<Subscribed> subscriptions;
            Instant answered;
            Map<String, Long> duringOutage;
            try (watch) {
                // The requests are spread over the outage (ending 5 s before it), not sent in one burst at its start.
                long spreadNanos = Math.max(0, outage.minusSeconds(5).toNanos());
                long start = System.nanoTime();
                subscriptions = Parallel.map(indices(gemeinden.size()), 8, i -> {
                    long due = start + spreadNanos * i / gemeinden.size();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Onboarding.pause(Duration.ofNanos(wait));
                    }
                    return onboarding.subscribe(gemeinden.get(i), serviceId);
                });
                answered = Instant.now();
                duringOutage = counts.byStatus();
                log.info("%d subscribe requests answered while Kafka is down: %s", subscriptions.size(),
                        duringOutage);
                Duration rest = outage.minus(Duration.between(down, Instant.now()));
                if (!rest.isNegative()) {
                    Onboarding.pause(rest);
                }
            }
            watch.report(report, Duration.between(down, Instant.now()));
            log.info("starting Kafka again after %d s", Duration.between(down, Instant.now()).toSeconds());
            stack.stack().startKafka();
            Instant back = Instant.now();
            Instant allActive = onboarding.awaitActive(counts, gemeinden.size(),
                    options.duration("timeout", Duration.ofMinutes(10)), Duration.ofMinutes(3), now -> { });

            report.line("Kafka down for %.1f s; the requests took %.1f s of it", Duration.between(down, back).toMillis() / 1000.0,
                    Duration.between(down, answered).toMillis() / 1000.0);
            Outcome.requests(report, subscriptions);
            long accepted = subscriptions.stream().filter(Subscribed::accepted).count();
            report.check("every subscribe request answered 202 while Kafka is down",
                    accepted + " of " + subscriptions.size(), accepted == subscriptions.size());
            report.line("subscriptions by status when the last request was answered (Kafka still down): %s", duringOutage);
            report.line("Kafka back → all ACTIVE: %s", allActive == null ? "not reached: " + counts.byStatus()
                    : String.format("%.1f s", Duration.between(back, allActive).toMillis() / 1000.0));
            PipelineStages.describe(report, stack);
            Outcome.verify(report, onboarding, subscriptions, log);
        }
        return report;
    }

    /** What readers and the orchestrator ask during the outage: the public catalog, and every service's readiness. */
    private static Map<String, Map.Entry<Endpoint, String>> probes(BenchStack stack, String serviceId) {
        Map<String, Map.Entry<Endpoint, String>> probes = new LinkedHashMap<>();
        Endpoint catalog = new Endpoint(stack.stack().url(Service.CATALOG), null);
        probes.put("catalog search", Map.entry(catalog, "/api/v1/services?q=Kfz&size=5"));
        probes.put("catalog service page", Map.entry(catalog, "/api/v1/services/" + serviceId));
        for (Service service : Service.values()) {
            probes.put(service.displayName() + " readiness",
                    Map.entry(new Endpoint(stack.stack().url(service), null), "/q/health/ready"));
        }
        return probes;
    }

    private static List<Integer> indices(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
