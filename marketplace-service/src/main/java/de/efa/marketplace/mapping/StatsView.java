package de.efa.marketplace.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Schema(name = "ProvisioningStats", description = "Counts by status, time from request to result and to ACTIVE, "
        + "throughput")
public record StatsView(
        @Schema(description = "Jobs by status; every status is listed") Map<String, Long> counts,
        long total,
        @Schema(description = "Of every finished job, whatever its operation and outcome") Durations durationMs,
        @Schema(description = "Of the provisionings that succeeded: from the request to ACTIVE")
        Durations timeToActiveMs,
        Throughput throughput,
        @Schema(description = "Jobs finished in each of the last 60 minutes, oldest first; the last is the current minute")
        List<Minute> perMinute) {

    @Schema(name = "ProvisioningDurations",
            description = "Milliseconds from the request, and how many jobs the figures are of; null while none")
    public record Durations(@Schema(example = "1200") Long p50, @Schema(example = "3400") Long p95,
                            @Schema(example = "9100") Long max, @Schema(example = "10751") long finished) {
    }

    @Schema(name = "ProvisioningMinute")
    public record Minute(@Schema(description = "Start of the minute", example = "2026-12-01T03:00:00Z") Instant minute,
                         @Schema(description = "Jobs finished in it", example = "180") long finished) {
    }

    @Schema(name = "ProvisioningThroughput")
    public record Throughput(
            @Schema(description = "Jobs finished in the last 60 seconds", example = "5400") long finishedLastMinute,
            @Schema(description = "Finished jobs per second from the first request to the last result",
                    example = "212.5") double overallPerSecond) {
    }
}
