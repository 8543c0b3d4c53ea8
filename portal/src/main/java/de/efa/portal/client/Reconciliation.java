package de.efa.portal.client;

import java.time.Instant;
import java.util.List;

/** One comparison of what the marketplace believes with what the brokers hold; its counts once it has finished. */
public record Reconciliation(String id, String requestedBy, String status, Instant startedAt, Instant finishedAt,
                             Counts counts, List<SkippedBroker> skippedBrokers, String failureReason) {

    public record Counts(int instances, int checked, int findings, int known, int inconclusive, int busy,
                         int skipped) {
    }

    /** A broker whose instances were not fetched, and why; no URL when no broker is known for them. */
    public record SkippedBroker(String brokerUrl, String reason, int instances) {
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
