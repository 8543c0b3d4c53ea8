package de.efa.portal.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The marketplace's provisioning figures: jobs by status, time from request to result (of every finished job) and to
 * ACTIVE (of the provisionings that succeeded), throughput, and the jobs finished in each of the last 60 minutes,
 * oldest first ({@code timeToActiveMs} and {@code perMinute}: null from a service that does not give them yet).
 */
public record Stats(Map<String, Long> counts, long total, Durations durationMs, Durations timeToActiveMs,
                    Throughput throughput, List<Minute> perMinute) {

    public record Durations(Long p50, Long p95, Long max, long finished) {
    }

    public record Throughput(long finishedLastMinute, double overallPerSecond) {
    }

    /** The jobs finished in the minute that starts at {@code minute}. */
    public record Minute(Instant minute, long finished) {
    }
}
