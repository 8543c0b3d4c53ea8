package de.efa.portal.client;

import java.time.Instant;
import java.util.List;

/** A provisioning job of the marketplace-service; {@code attempts} only when read alone. */
public record Job(
        String id,
        String subscriptionId,
        String ags,
        String serviceId,
        String planId,
        String instanceId,
        String operation,
        String status,
        String step,
        String dashboardUrl,
        String failureReason,
        Instant requestedAt,
        Instant finishedAt,
        List<Attempt> attempts) {

    /** One call to the provider's broker. */
    public record Attempt(Instant at, String action, String request, String requestBody, Integer status, String answer,
                          long durationMs) {
    }

    public boolean retryable() {
        return "FAILED".equals(status);
    }
}
