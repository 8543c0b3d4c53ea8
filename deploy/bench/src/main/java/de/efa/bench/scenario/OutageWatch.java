package de.efa.bench.scenario;

import de.efa.bench.client.Endpoint;
import de.efa.bench.report.Report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks a set of anonymous GETs once a second while a part of the stack is down, and counts every answer that is not
 * 200: what a municipality browsing the catalog, or the orchestrator probing readiness, would have seen.
 */
final class OutageWatch implements AutoCloseable {

    private final Map<String, Probe> probes = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outage-watch");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code probes}: a name per URL path of an endpoint, e.g. "catalog search" → catalog + "/api/v1/services". */
    OutageWatch(Map<String, Map.Entry<Endpoint, String>> probes) {
        probes.forEach((name, target) -> this.probes.put(name, new Probe(target.getKey(), target.getValue())));
        timer.scheduleWithFixedDelay(this::probeAll, 0, 1, TimeUnit.SECONDS);
    }

    private void probeAll() {
        probes.values().forEach(Probe::ask);
    }

    /** One check per probe: every answer during the watch was 200. */
    void report(Report report, Duration watched) {
        probes.forEach((name, probe) -> report.check(name + " answers 200 throughout " + watched.toSeconds() + " s",
                probe.describe(), probe.asked() > 0 && probe.failed() == 0));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(70, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Probe {

        private final Endpoint endpoint;
        private final String path;
        private int asked;
        private int failed;
        private String firstFailure;

        Probe(Endpoint endpoint, String path) {
            this.endpoint = endpoint;
            this.path = path;
        }

        synchronized void ask() {
            asked++;
            String failure;
            try {
                int status = endpoint.get(path).status();
                failure = status == 200 ? null : "HTTP " + status;
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            if (failure != null) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }

        synchronized int asked() {
            return asked;
        }

        synchronized int failed() {
            return failed;
        }

        synchronized String describe() {
            return (asked - failed) + " of " + asked + " answered 200"
                    + (firstFailure == null ? "" : "; first failure: " + firstFailure);
        }
    }
}
