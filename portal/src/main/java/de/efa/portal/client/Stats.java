package de.efa.portal.client;

import java.util.Map;

/** The marketplace's provisioning figures: jobs by status, time from request to result, throughput. */
public record Stats(Map<String, Long> counts, long total, Durations durationMs, Throughput throughput) {

    public record Durations(Long p50, Long p95, Long max, long finished) {
    }

    public record Throughput(long finishedLastMinute, double overallPerSecond) {
    }
}
