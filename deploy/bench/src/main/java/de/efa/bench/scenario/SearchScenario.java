package de.efa.bench.scenario;

import de.efa.bench.Options;
import de.efa.bench.client.Answer;
import de.efa.bench.client.Endpoint;
import de.efa.bench.client.KeepAliveConnection;
import de.efa.bench.data.OzgLeistung;
import de.efa.bench.data.SearchMix;
import de.efa.bench.data.ServiceGenerator;
import de.efa.bench.data.ServiceGenerator.GeneratedService;
import de.efa.bench.report.Latencies;
import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catalog search over 10,000 services with 16 keep-alive connections (deploy/bench/README.md): at least 2,000
 * requests/s with p99 under 50 ms. The services are generated from the OZG catalog and created and published by
 * the two demo providers through the API; the searches are German words in several inflections with filters
 * and paging.
 */
public final class SearchScenario implements Scenario {

    private static final double TARGET_RATE = 2000;
    private static final double TARGET_P99_MS = 50;

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "10,000 services, 16 keep-alive connections searching (target >= 2,000 req/s, p99 < 50 ms)";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "services", "how many services to create and publish (default 10000)",
                "connections", "concurrent keep-alive connections (default 16)",
                "duration", "how long to measure (default 60s)",
                "warmup", "searches before measuring, not counted (default 15s)");
    }

    @Override
    public Report run(Options options, BenchLog log) {
        int count = options.integer("services", 10_000);
        int connections = options.integer("connections", 16);
        Duration duration = options.duration("duration", Duration.ofSeconds(60));
        Duration warmup = options.duration("warmup", Duration.ofSeconds(15));
        Report report = new Report("search: " + count + " services, " + connections + " connections");
        List<OzgLeistung> ozg = OzgLeistung.withLeikaKeys();
        try (BenchStack stack = BenchStack.start(log)) {
            load(stack, new ServiceGenerator(ozg, 42).generate(count, List.of("akdb", "dataport")), report, log);
            awaitIndexed(stack, count, log);

            List<String> mix = new SearchMix(ozg, 7).paths(5000);
            URI catalog = URI.create(stack.stack().url(Service.CATALOG));
            log.info("warming up for %d s", warmup.toSeconds());
            hammer(catalog, mix, connections, warmup);
            log.info("measuring for %d s with %d connections", duration.toSeconds(), connections);
            long cpuBefore = processCpuNanos();
            CpuMeter cpu = CpuMeter.start(stack);
            Run run = hammer(catalog, mix, connections, duration);
            double loadGeneratorCores = (processCpuNanos() - cpuBefore) / (double) run.elapsedNanos();
            cpu.report(report, "the measured searches", run.latencies().count(), "search");

            double rate = run.latencies().count() / (run.elapsedNanos() / 1e9);
            double p99 = run.latencies().percentileMillis(99);
            report.line("%d searches in %.1f s: %.0f requests/s, %d answers not 200, %d connection errors",
                    run.latencies().count(), run.elapsedNanos() / 1e9, rate, run.notOk(), run.errors());
            report.line("latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                    run.latencies().percentileMillis(50), run.latencies().percentileMillis(95), p99,
                    run.latencies().maxMillis());
            run.byKind().forEach((kind, latencies) -> report.line("  %-28s %6d searches, p50 %7.2f ms, p99 %7.2f ms",
                    kind, latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(99)));
            report.line("the load generator itself used %.2f of the machine's %d cores (it shares them with the"
                            + " stack); load average %.1f", loadGeneratorCores, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            report.check("catalog search >= 2,000 requests/s", String.format("%.0f requests/s", rate),
                    rate >= TARGET_RATE && run.notOk() == 0 && run.errors() == 0);
            report.check("catalog search p99 < 50 ms", String.format("%.2f ms", p99), p99 < TARGET_P99_MS);
        }
        return report;
    }

    private static void load(BenchStack stack, List<GeneratedService> services, Report report, BenchLog log) {
        new Onboarding(stack, log).registerProviders();
        log.info("creating and publishing %d services as providers akdb and dataport", services.size());
        long started = System.nanoTime();
        AtomicLong done = new AtomicLong();
        Parallel.map(services, 8, service -> {
            Endpoint provider = stack.as(Service.CATALOG, stack.accounts().provider(service.providerId()));
            Answer created = provider.post("/api/v1/services", service.body()).expect("creating a service", 201);
            provider.post("/api/v1/services/" + created.json().path("id").asText() + "/publish", null)
                    .expect("publishing a service", 200);
            if (done.incrementAndGet() % 1000 == 0) {
                log.info("%d services published", done.get());
            }
            return created.status();
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        report.line("loaded %d services (create + publish through the API) in %.1f s, %.0f services/s",
                services.size(), seconds, services.size() / seconds);
    }

    /** Until an anonymous listing counts every service as PUBLISHED and searchable. */
    private static void awaitIndexed(BenchStack stack, int count, BenchLog log) {
        Endpoint anonymous = stack.anonymous(Service.CATALOG);
        Instant deadline = Instant.now().plusSeconds(120);
        long total = 0;
        while (Instant.now().isBefore(deadline)) {
            total = anonymous.get("/api/v1/services?size=1").expect("listing services", 200).json().path("total").asLong();
            if (total >= count) {
                log.info("all %d services are listed", total);
                return;
            }
            Onboarding.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("only " + total + " of " + count + " services are listed after 120 s");
    }

    /** {@code connections} threads, each with its own connection, searching back to back for {@code duration}. */
    private static Run hammer(URI catalog, List<String> mix, int connections, Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<CompletableFuture<Worker>> workers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Worker worker = new Worker(catalog, mix, new Random(i), end);
                workers.add(CompletableFuture.supplyAsync(worker::run, pool));
            }
            List<Worker> finished = workers.stream().map(CompletableFuture::join).toList();
            long elapsed = System.nanoTime() - start;
            Map<String, Latencies> byKind = new TreeMap<>();
            for (String kind : finished.stream().flatMap(w -> w.byKind.keySet().stream()).distinct().toList()) {
                byKind.put(kind, Latencies.merged(finished.stream()
                        .map(w -> w.byKind.getOrDefault(kind, new Latencies())).toList()));
            }
            return new Run(Latencies.merged(finished.stream().map(w -> w.latencies).toList()), byKind, elapsed,
                    finished.stream().mapToLong(w -> w.notOk).sum(), finished.stream().mapToLong(w -> w.errors).sum());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private record Run(Latencies latencies, Map<String, Latencies> byKind, long elapsedNanos, long notOk,
                       long errors) {
    }

    /** What kind of search a path is, to see which kinds are slow: words or not, filtered or not, a later page. */
    static String kind(String path) {
        boolean words = path.contains("q=");
        boolean filtered = path.contains("themenfeld=") || path.contains("land=") || path.contains("leika=");
        return (words ? "words" : "listing") + (filtered ? " + filter" : "") + (path.contains("page=") ? " + page > 0" : "");
    }

    private static final class Worker {
        private final URI catalog;
        private final List<String> mix;
        private final Random random;
        private final long end;
        private final Latencies latencies = new Latencies();
        private final Map<String, Latencies> byKind = new HashMap<>();
        private long notOk;
        private long errors;

        Worker(URI catalog, List<String> mix, Random random, long end) {
            this.catalog = catalog;
            this.mix = mix;
            this.random = random;
            this.end = end;
        }

        Worker run() {
            try (KeepAliveConnection connection = new KeepAliveConnection(catalog.getHost(), catalog.getPort())) {
                while (System.nanoTime() < end) {
                    String path = mix.get(random.nextInt(mix.size()));
                    long sent = System.nanoTime();
                    try {
                        if (connection.get(path) != 200) {
                            notOk++;
                        }
                        long latency = System.nanoTime() - sent;
                        latencies.add(latency);
                        byKind.computeIfAbsent(kind(path), k -> new Latencies()).add(latency);
                    } catch (IOException e) {
                        errors++;
                    }
                }
            }
            return this;
        }
    }
}
