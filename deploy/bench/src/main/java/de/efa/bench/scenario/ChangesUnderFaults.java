package de.efa.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.bench.client.Answer;
import de.efa.bench.client.Endpoint;
import de.efa.bench.data.PlanFixture;
import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The chaos run's second act, under the same broker faults: every fifth subscription changes to the plan komfort,
 * the tenants of every tenth (others) are suspended, the marketplace-service is killed once more while that work is
 * in flight, and the suspended tenants are reactivated. Afterwards every subscription must be ACTIVE, on the plan
 * the tenant-service shows — komfort where the change succeeded, standard with the failure named where it failed for
 * good — with exactly one instance on that plan at the demo provider, and no instance locked.
 */
final class ChangesUnderFaults {

    private static final int THREADS = 8;

    private final BenchStack stack;
    private final BenchLog log;
    private final SubscriptionCounts counts;
    private final Endpoint tenants;

    ChangesUnderFaults(BenchStack stack, BenchLog log, SubscriptionCounts counts) {
        this.stack = stack;
        this.log = log;
        this.counts = counts;
        this.tenants = stack.as(Service.TENANT, stack.accounts().operator());
    }

    void run(Report report, List<Subscribed> subscriptions, Duration timeout) {
        List<Subscribed> accepted = subscriptions.stream().filter(Subscribed::accepted).toList();
        List<Subscribed> changing = every(accepted, 5, 0);
        List<Subscribed> suspending = every(accepted, 10, 1);
        log.info("changing the plan of %d subscriptions and suspending %d tenants while the faults go on",
                changing.size(), suspending.size());
        Instant first = Instant.now();
        Map<Integer, Long> changeAnswers = answers(changing, this::changePlan);
        Map<Integer, Long> suspendAnswers = answers(suspending, s -> tenants.post(tenantPath(s) + "/suspend", null));
        String kill = ChaosScenario.killAndRestart(stack, first, () -> counts.count("ACTIVE"), "third");
        log.info("%s", kill);
        Instant suspended = awaitStatus("SUSPENDED", suspending.size(), timeout);
        Map<Integer, Long> resumeAnswers = answers(suspending,
                s -> tenants.post(tenantPath(s) + "/reactivate", null));
        Instant allActive = awaitStatus("ACTIVE", accepted.size(), timeout);

        report.line("plan changes: %d PATCH answers %s; suspensions: %d answers %s; reactivations: %s",
                changing.size(), changeAnswers, suspending.size(), suspendAnswers, resumeAnswers);
        report.line("%s", kill);
        report.line("first change → all %d suspended: %s; → all ACTIVE again: %s", suspending.size(),
                since(first, suspended), since(first, allActive));
        verify(report, accepted, changing);
    }

    private void verify(Report report, List<Subscribed> accepted, List<Subscribed> changing) {
        Set<String> changed = changing.stream().map(Subscribed::subscriptionId).collect(Collectors.toSet());
        List<JsonNode> read = Parallel.map(accepted, THREADS, s -> tenants.get(tenantPath(s) + "/subscriptions/"
                + s.subscriptionId()).expect("reading a subscription back", 200).json());
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, String> plans = new TreeMap<>();
        long unexpected = 0;
        for (JsonNode subscription : read) {
            String id = subscription.path("id").asText();
            String plan = subscription.path("planId").asText();
            boolean failedUpdate = !subscription.path("lastUpdateFailure").isNull()
                    && !subscription.path("lastUpdateFailure").isMissingNode();
            plans.put(id, plan);
            String outcome = subscription.path("status").asText() + " on " + plan
                    + (failedUpdate ? " after a failed change" : "");
            byOutcome.merge(outcome, 1L, Long::sum);
            boolean expected = "ACTIVE".equals(subscription.path("status").asText()) && (changed.contains(id)
                    ? PlanFixture.CHANGED_PLAN_ID.equals(plan) || failedUpdate && PlanFixture.PLAN_ID.equals(plan)
                    : PlanFixture.PLAN_ID.equals(plan) && !failedUpdate);
            unexpected += expected ? 0 : 1;
        }
        report.line("after the changes, read back through the tenant API: %s", byOutcome);
        report.check("every subscription ACTIVE on the plan it should have", unexpected + " of " + read.size()
                + " otherwise", unexpected == 0);

        InstanceCensus census = new Onboarding(stack, log).instancesAtProvider();
        long planDiffers = plans.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(census.plans().get(entry.getKey()))).count();
        report.line("demo provider after the changes: %s; plan differs from the tenant-service's for %d; locked %d",
                census.describe(plans.keySet()), planDiffers, census.suspended().size());
        report.check("exactly one instance each, on the tenant-service's plan, none locked",
                census.describe(plans.keySet()) + ", plan differs for " + planDiffers + ", locked "
                        + census.suspended().size(),
                census.oneEach(plans.keySet()) && planDiffers == 0 && census.suspended().isEmpty());
    }

    private Answer changePlan(Subscribed subscription) {
        String path = tenantPath(subscription) + "/subscriptions/" + subscription.subscriptionId();
        Answer current = tenants.get(path).expect("reading a subscription before its change", 200);
        return tenants.patch(path, Map.of("planId", PlanFixture.CHANGED_PLAN_ID), current.etag());
    }

    private Map<Integer, Long> answers(List<Subscribed> subscriptions, Function<Subscribed, Answer> request) {
        return Parallel.map(subscriptions, THREADS, s -> {
            try {
                return request.apply(s).status();
            } catch (UncheckedIOException e) {
                return -1;
            }
        }).stream().collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));
    }

    private Instant awaitStatus(String status, long expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastReport = Instant.EPOCH;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> now = counts.byStatus();
            if (now.getOrDefault(status, 0L) >= expected) {
                log.info("%d subscriptions %s", expected, status);
                return Instant.now();
            }
            if (Duration.between(lastReport, Instant.now()).toSeconds() >= 5) {
                log.info("subscriptions by status: %s", now);
                lastReport = Instant.now();
            }
            Onboarding.pause(Duration.ofMillis(200));
        }
        log.info("timed out waiting for %d %s: %s", expected, status, counts.byStatus());
        return null;
    }

    private static String tenantPath(Subscribed subscription) {
        return "/api/v1/tenants/" + subscription.gemeinde().ags();
    }

    private static List<Subscribed> every(List<Subscribed> subscriptions, int nth, int offset) {
        return IntStream.range(0, subscriptions.size()).filter(i -> i % nth == offset).mapToObj(subscriptions::get)
                .toList();
    }

    private static String since(Instant first, Instant reached) {
        return reached == null ? "not reached"
                : String.format("%.1f s", Duration.between(first, reached).toMillis() / 1000.0);
    }
}
