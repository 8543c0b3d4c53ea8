package de.efa.bench.fuzz;

import de.efa.bench.Options;
import de.efa.bench.client.Answer;
import de.efa.bench.client.Accounts;
import de.efa.bench.client.Endpoint;
import de.efa.bench.data.Gemeinde;
import de.efa.bench.fuzz.OpenApi.Operation;
import de.efa.bench.report.Report;
import de.efa.bench.scenario.BenchLog;
import de.efa.bench.scenario.BenchStack;
import de.efa.bench.scenario.Onboarding;
import de.efa.bench.scenario.Parallel;
import de.efa.bench.scenario.Scenario;
import de.efa.bench.scenario.Subscribed;
import de.efa.bench.scenario.SubscriptionCounts;
import de.efa.stack.Service;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Generated bad requests over every documented endpoint of every service (deploy/bench/README.md), each sent
 * anonymously and with a token of every role: no 5xx, and every 4xx a problem answer (OSB error objects under the demo
 * provider's {@code /v2/}). Real ids exist for the path parameters (a service, a tenant with an ACTIVE
 * subscription, its job and instance), so that bad input reaches the checks behind a valid path.
 */
public final class FuzzScenario implements Scenario {

    private static final String LEIPZIG = "14713000";
    /** The demo provider's fault switch goes last: a request that happens to be valid there turns faults on. */
    private static final String FAULT_SWITCH = "/admin/";
    private static final String OSB_VERSION = "X-Broker-API-Version";
    /** The demo provider's broker API, one per provider: {@code /brokers/{provider_id}/v2/...}. */
    private static final Pattern BROKER_PATH = Pattern.compile("/brokers/[^/]+/v2/");

    @Override
    public String name() {
        return "fuzz";
    }

    @Override
    public String summary() {
        return "bad requests over every endpoint of every service, with every role: no 5xx, every 4xx a problem";
    }

    @Override
    public Map<String, String> options() {
        return Map.of("threads", "requests in flight at once (default 4)");
    }

    @Override
    public Report run(Options options, BenchLog log) {
        int threads = options.integer("threads", 4);
        Report report = new Report("fuzz: generated bad requests over every endpoint");
        try (BenchStack stack = BenchStack.start(log)) {
            Fixtures fixtures = fixtures(stack, log);
            Map<String, Supplier<String>> callers = callers(stack.accounts());
            Map<String, Long> byStatus = new TreeMap<>();
            Offenders offenders = new Offenders();
            long total = 0;
            for (Service service : Service.values()) {
                if (service == Service.PORTAL) {
                    continue; // HTML pages for people, no OpenAPI document to fuzz from
                }
                OpenApi document = OpenApi.parse(stack.anonymous(service).get("/q/openapi?format=json")
                        .expect("the OpenAPI document of " + service.displayName(), 200).body());
                List<FuzzRequest> requests = requests(document, fixtures);
                log.info("%s: %d operations, %d bad requests × %d callers", service.displayName(),
                        document.operations().size(), requests.size(), callers.size());
                Map<String, Long> serviceStatus = new TreeMap<>();
                for (boolean last : new boolean[]{false, true}) {
                    List<Attempt> attempts = new ArrayList<>();
                    for (FuzzRequest request : requests) {
                        if (request.path().contains(FAULT_SWITCH) == last) {
                            callers.forEach((caller, token) -> attempts.add(new Attempt(request, caller, token)));
                        }
                    }
                    for (Result result : Parallel.map(attempts, threads, a -> send(stack, service, a))) {
                        serviceStatus.merge(result.statusLabel(), 1L, Long::sum);
                        if (result.offence() != null) {
                            offenders.add(service, result.attempt().request(), result.attempt().caller(),
                                    result.offence(), result.answer());
                        }
                    }
                    total += attempts.size();
                }
                stack.as(Service.DEMO_PROVIDER, stack.accounts().operator()).send("DELETE", "/admin/behaviour", null,
                        null, Map.of());
                report.line("%-20s answers by status: %s", service.displayName(), serviceStatus);
                serviceStatus.forEach((status, count) -> byStatus.merge(status, count, Long::sum));
            }
            report.line("%d requests in all; by status: %s", total, byStatus);
            long serverErrors = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5")
                    || e.getKey().equals("no answer")).mapToLong(Map.Entry::getValue).sum();
            report.line("%d offending answers in %d kinds (callers merged; one example request each):",
                    offenders.count(), offenders.kinds().size());
            offenders.kinds().forEach(kind -> report.line("  %s", kind));
            report.check("no 5xx for bad requests", serverErrors + " server errors or unanswered of " + total,
                    serverErrors == 0);
            report.check("every 4xx a problem answer (OSB error under a broker's /v2)", offenders.count() - serverErrors
                    + " badly formed error answers", offenders.count() == serverErrors);
        }
        return report;
    }

    private static List<FuzzRequest> requests(OpenApi document, Fixtures fixtures) {
        BadRequests generator = new BadRequests(document, fixtures::pathValue);
        List<FuzzRequest> requests = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>();
        for (Operation operation : document.operations()) {
            requests.addAll(generator.of(operation));
            paths.add(operation.path().replaceAll("\\{[^}]+}", "x"));
        }
        paths.forEach(path -> requests.add(BadRequests.wrongMethod(path)));
        requests.add(BadRequests.unknownPath());
        requests.add(BadRequests.uriTooLong(paths.first()));
        requests.sort(Comparator.comparing(FuzzRequest::path));
        return requests;
    }

    private static Result send(BenchStack stack, Service service, Attempt attempt) {
        FuzzRequest request = attempt.request();
        Endpoint endpoint = new Endpoint(stack.stack().url(service), attempt.token());
        boolean broker = service == Service.DEMO_PROVIDER && BROKER_PATH.matcher(request.path()).lookingAt();
        // Without the OSB version header every broker call stops at 412; with it, the bad input reaches the broker.
        Map<String, String> headers = new HashMap<>();
        if (broker) {
            headers.put(OSB_VERSION, "2.17");
        }
        headers.putAll(request.headers());
        UncheckedIOException failure = null;
        // Once more on a lost connection: a keep-alive connection that the server closed meanwhile is no finding.
        for (int attemptNo = 0; attemptNo < 2; attemptNo++) {
            try {
                Answer answer = endpoint.send(request.method(), request.path(), request.contentType(), request.body(),
                        headers);
                return new Result(attempt, answer, Verdict.judge(answer, broker));
            } catch (UncheckedIOException e) {
                failure = e;
            }
        }
        return new Result(attempt, null, "no answer: " + failure.getCause());
    }

    private static Map<String, Supplier<String>> callers(Accounts accounts) {
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        Accounts.ACCOUNT_BY_ROLE.forEach((role, account) -> callers.put(role, accounts.account(account)));
        return callers;
    }

    /** Leipzig registered and ACTIVE with one ACTIVE subscription: real ids for every path parameter. */
    private static Fixtures fixtures(BenchStack stack, BenchLog log) {
        Onboarding onboarding = new Onboarding(stack, log);
        String serviceId = onboarding.publishService();
        Gemeinde leipzig = Gemeinde.all().stream().filter(g -> g.ags().equals(LEIPZIG)).findFirst().orElseThrow();
        onboarding.registerTenants(List.of(leipzig), 1);
        onboarding.awaitServiceKnown(serviceId, leipzig, Duration.ofSeconds(120));
        Subscribed subscribed = onboarding.subscribe(leipzig, serviceId);
        if (!subscribed.accepted()) {
            throw new IllegalStateException("the fixture subscription was refused: " + subscribed.problem());
        }
        try (SubscriptionCounts counts = new SubscriptionCounts(stack.stack())) {
            if (onboarding.awaitActive(counts, 1, Duration.ofMinutes(2), Duration.ofMinutes(1), now -> { }) == null) {
                throw new IllegalStateException("the fixture subscription did not become ACTIVE");
            }
        }
        String jobId = stack.as(Service.MARKETPLACE, stack.accounts().operator())
                .get("/api/v1/provisioning/jobs?ags=" + LEIPZIG).expect("listing jobs", 200)
                .json().path("items").path(0).path("id").asText();
        return new Fixtures(serviceId, subscribed.subscriptionId(), jobId);
    }

    private record Fixtures(String serviceId, String subscriptionId, String jobId) {

        String pathValue(String path, String parameter) {
            if (parameter.equals("ags")) {
                return LEIPZIG;
            }
            if (parameter.equals("provider_id")) {
                return "akdb";
            }
            if (parameter.equals("instance_id") || path.contains("/subscriptions/")) {
                return subscriptionId;
            }
            if (path.startsWith("/api/v1/providers")) {
                return "akdb";
            }
            if (path.startsWith("/api/v1/provisioning")) {
                return jobId;
            }
            return serviceId;
        }
    }

    private record Attempt(FuzzRequest request, String caller, Supplier<String> token) {
    }

    private record Result(Attempt attempt, Answer answer, String offence) {

        String statusLabel() {
            return answer == null ? "no answer" : String.valueOf(answer.status());
        }
    }
}
