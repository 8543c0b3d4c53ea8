package de.efa.bench.scenario;

import de.efa.bench.report.Latencies;
import de.efa.bench.report.Report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The end state every onboarding scenario checks: every request accepted, every subscription ACTIVE, one instance each. */
final class Outcome {

    private Outcome() {
    }

    /** The answers to the subscribe requests: counts by status and latency percentiles. */
    static void requests(Report report, List<Subscribed> subscriptions) {
        Map<String, Long> statuses = new TreeMap<>();
        Latencies latencies = new Latencies();
        for (Subscribed s : subscriptions) {
            statuses.merge(s.status() < 0 ? "no answer" : String.valueOf(s.status()), 1L, Long::sum);
            latencies.add(s.latencyNanos());
        }
        report.line("subscribe answers: %s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", statuses,
                latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99),
                latencies.maxMillis());
        subscriptions.stream().filter(s -> !s.accepted()).limit(5).forEach(s ->
                report.line("  not accepted: %s → %d %s", s.gemeinde().ags(), s.status(), s.problem()));
    }

    static Set<String> ids(List<Subscribed> subscriptions) {
        return subscriptions.stream().filter(Subscribed::accepted).map(Subscribed::subscriptionId)
                .collect(Collectors.toSet());
    }

    /** Reads every subscription back through the API and the demo provider's instances; adds the two checks. */
    static void verify(Report report, Onboarding onboarding, List<Subscribed> subscriptions, BenchLog log) {
        verify(report, onboarding, subscriptions, onboarding::instancesAtProvider, log);
    }

    /** As above, with the instances at the demo provider that the subscriptions are to have, e.g. of one service. */
    static void verify(Report report, Onboarding onboarding, List<Subscribed> subscriptions,
                       Supplier<InstanceCensus> instances, BenchLog log) {
        log.info("verifying every subscription through the tenant API and the instances at the demo provider");
        Set<String> ids = ids(subscriptions);
        Map<String, Long> statuses = onboarding.statusesViaApi(subscriptions, 8);
        long active = statuses.getOrDefault("ACTIVE", 0L);
        report.line("subscriptions read back through GET /tenants/{ags}/subscriptions/{id}: %s", statuses);
        report.check("every subscription ACTIVE, none lost",
                active + " of " + subscriptions.size() + " requested are ACTIVE",
                active == subscriptions.size() && ids.size() == subscriptions.size());
        InstanceCensus census = instances.get();
        report.line("demo provider: %s", census.describe(ids));
        report.check("exactly one instance per subscription at the demo provider", census.describe(ids),
                census.oneEach(ids));
    }
}
