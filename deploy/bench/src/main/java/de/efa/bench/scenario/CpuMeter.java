package de.efa.bench.scenario;

import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the stack over a stretch of a run, so that a missed target names where the two
 * cores went. PostgreSQL counts its server process and the backends alive at the end of the stretch.
 */
final class CpuMeter {

    private final BenchStack stack;
    private final Map<String, Duration> start;
    private final long startNanos = System.nanoTime();

    private CpuMeter(BenchStack stack) {
        this.stack = stack;
        this.start = sample();
    }

    static CpuMeter start(BenchStack stack) {
        return new CpuMeter(stack);
    }

    /** One line per part: CPU seconds over the stretch and the share of the machine's cores. */
    void report(Report report, String stretch, long units, String unit) {
        Map<String, Duration> end = sample();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder parts = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Duration> part : end.entrySet()) {
            double seconds = (part.getValue().toMillis() - start.getOrDefault(part.getKey(), Duration.ZERO).toMillis())
                    / 1000.0;
            total += seconds;
            parts.append(String.format("%s %.1f s (%.1f ms/%s), ", part.getKey(), seconds, seconds * 1000 / units, unit));
        }
        report.line("CPU over %s (%.1f s wall, %d cores = %.0f core-seconds): %stotal %.1f s (%.1f ms/%s)", stretch,
                wall, cores, wall * cores, parts, total, total * 1000 / units, unit);
    }

    private Map<String, Duration> sample() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            cpu.put(service.displayName(), ProcessHandle.of(stack.stack().pid(service))
                    .flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO));
        }
        Path data = stack.stack().config().dataDirectory();
        cpu.put("postgres", byCommandLine(data.resolve("postgres").toString())
                .map(server -> Stream.concat(Stream.of(server), server.descendants())
                        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO));
        cpu.put("kafka", byCommandLine(data.resolve("kafka").toString())
                .flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO));
        cpu.put("bench", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return cpu;
    }

    private static Optional<ProcessHandle> byCommandLine(String fragment) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(fragment)).orElse(false))
                .findFirst();
    }
}
