package de.efa.bench.scenario;

import de.efa.bench.Options;
import de.efa.bench.report.Report;
import de.efa.infra.process.StartupCache;
import de.efa.stack.Service;
import de.efa.stack.Stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up (deploy/bench/README.md): each service in JVM mode ready within 1.5 s of its process start and under 200 MB
 * RSS when idle, the median of several runs; the whole stack, Keycloak included, ready within 45 s. The stack runs
 * with the local stack's JVM options and start-up caches, since that is what the targets name: a run without a cache
 * for the build trains it in its first start and writes it at the stop before the restart.
 */
public final class StartupScenario implements Scenario {

    private static final Duration TARGET_READY = Duration.ofMillis(1500);
    private static final long TARGET_RSS_KB = 200 * 1024;
    private static final Duration TARGET_STACK = Duration.ofSeconds(45);
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String summary() {
        return "each service ready < 1.5 s and < 200 MB RSS idle (median of 3); whole stack ready < 45 s, fresh and"
                + " restarted";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "runs", "how many stacks to start, each service restarted once in each (default 3)",
                "idle", "how long a service idles before its RSS is read (default 10s)");
    }

    @Override
    public Report run(Options options, BenchLog log) {
        int runs = options.integer("runs", 3);
        Duration idle = options.duration("idle", Duration.ofSeconds(10));
        List<Double> stackSeconds = new ArrayList<>();
        List<Double> restartSeconds = new ArrayList<>();
        Map<Service, List<Double>> readySeconds = new EnumMap<>(Service.class);
        Map<Service, List<Double>> quarkusSeconds = new EnumMap<>(Service.class);
        Map<Service, List<Double>> rssMegabytes = new EnumMap<>(Service.class);
        for (int run = 1; run <= runs; run++) {
            log.info("run %d of %d", run, runs);
            try (BenchStack stack = BenchStack.likeTheLocalStack(log)) {
                stackSeconds.add(stack.startTime().toMillis() / 1000.0);
                log.info("whole stack ready in %.1f s", stack.startTime().toMillis() / 1000.0);
                double restart = stack.restartKeepingData(log).toMillis() / 1000.0;
                restartSeconds.add(restart);
                log.info("whole stack ready again in %.1f s after a restart that kept its data", restart);
                for (Service service : Service.values()) {
                    Measurement m = measure(stack.stack(), service, idle);
                    log.info("%s: ready %.2f s after its process start (Quarkus says %s s), idle RSS %.0f MB",
                            service.displayName(), m.readySeconds(), m.quarkusSeconds(), m.rssMegabytes());
                    readySeconds.computeIfAbsent(service, s -> new ArrayList<>()).add(m.readySeconds());
                    rssMegabytes.computeIfAbsent(service, s -> new ArrayList<>()).add(m.rssMegabytes());
                    if (!Double.isNaN(m.quarkusSeconds())) {
                        quarkusSeconds.computeIfAbsent(service, s -> new ArrayList<>()).add(m.quarkusSeconds());
                    }
                }
            }
        }
        Report report = new Report("startup: median of " + runs + " runs, JVM mode");
        report.line("JDK %s (%s), start-up caches: %s", Runtime.version(), System.getProperty("java.home"),
                StartupCache.kind());
        for (Service service : Service.values()) {
            double ready = median(readySeconds.get(service));
            double rss = median(rssMegabytes.get(service));
            report.line("%-20s ready %s → median %.2f s (Quarkus' own \"started in\": median %.2f s); idle RSS %s →"
                            + " median %.0f MB", service.displayName(), rounded(readySeconds.get(service)), ready,
                    median(quarkusSeconds.getOrDefault(service, List.of())), rounded(rssMegabytes.get(service)), rss);
            report.check(service.displayName() + " ready < 1.5 s after process start",
                    String.format("%.2f s", ready), ready < TARGET_READY.toMillis() / 1000.0);
            report.check(service.displayName() + " idle RSS < 200 MB", String.format("%.0f MB", rss),
                    rss < TARGET_RSS_KB / 1024.0);
        }
        double stack = median(stackSeconds);
        double restart = median(restartSeconds);
        report.line("whole stack (PostgreSQL, Kafka, Keycloak, 4 services) ready on a fresh data directory (Keycloak"
                + " creates its database and imports the realm): %s → median %.1f s", rounded(stackSeconds), stack);
        report.line("the same stack restarted on its kept data (the local stack's usual start): %s → median %.1f s",
                rounded(restartSeconds), restart);
        report.check("whole stack ready < 45 s (fresh data directory)", String.format("%.1f s", stack),
                stack < TARGET_STACK.toSeconds());
        report.check("whole stack ready < 45 s (restart on kept data)", String.format("%.1f s", restart),
                restart < TARGET_STACK.toSeconds());
        return report;
    }

    /**
     * Kills the service, starts its process again and probes readiness every 10 ms from the moment the process
     * is started; after {@code idle}, reads its resident memory from {@code /proc}.
     */
    private static Measurement measure(Stack stack, Service service, Duration idle) {
        stack.kill(service);
        Onboarding.pause(Duration.ofSeconds(1));
        URI ready = URI.create(stack.url(service) + "/q/health/ready");
        long started = System.nanoTime();
        stack.relaunch(service);
        long deadline = started + Duration.ofSeconds(120).toNanos();
        while (!isReady(ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.displayName() + " was not ready within 120 s");
            }
            Onboarding.pause(Duration.ofMillis(10));
        }
        double readySeconds = (System.nanoTime() - started) / 1e9;
        Onboarding.pause(idle);
        return new Measurement(readySeconds, quarkusStarted(stack, service), rssKilobytes(stack.pid(service)) / 1024.0);
    }

    private static boolean isReady(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The figure Quarkus logs itself (from JVM start, without the JVM's own start). */
    private static double quarkusStarted(Stack stack, Service service) {
        Path log = stack.config().logDirectory().resolve(service.displayName() + ".log");
        try {
            Matcher matcher = QUARKUS_STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static long rssKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of process " + pid + ": " + e.getMessage(), e);
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToDouble(v -> Math.round(v * 100) / 100.0).toArray());
    }

    private record Measurement(double readySeconds, double quarkusSeconds, double rssMegabytes) {
    }
}
