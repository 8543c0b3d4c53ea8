package de.efa.portal.client;

import java.time.Instant;
import java.util.List;

/**
 * A job of the marketplace-service: provisioning, a change (with the plan before it), suspending or resuming an
 * instance, or deprovisioning; {@code failureKind} says what a failure means beyond its reason, {@code attempts} come
 * only when the job is read alone; {@code traceId} names the trace it was created under (null for older jobs).
 */
public record Job(
        String id,
        String subscriptionId,
        String ags,
        String serviceId,
        String planId,
        String previousPlanId,
        String instanceId,
        String operation,
        String status,
        String step,
        String dashboardUrl,
        String failureReason,
        String failureKind,
        Instant requestedAt,
        Instant finishedAt,
        String traceId,
        List<Attempt> attempts) {

    /** One call to the provider's broker, with the request identity it was sent under. */
    public record Attempt(Instant at, String action, String requestIdentity, String request, String requestBody,
                          Integer status, String answer, long durationMs) {
    }

    /**
     * Whether the job still talks to the broker. Only then is its step where it stands; a finished job's step is where
     * it stopped (a provisioning that failed after cleaning up stopped at the cleanup, which did not fail).
     */
    public boolean unfinished() {
        return "PENDING".equals(status) || "IN_PROGRESS".equals(status);
    }

    /** A failed change is requested again at the subscription: the marketplace refuses to retry it (409). */
    public boolean retryable() {
        return "FAILED".equals(status) && !"UPDATE".equals(operation);
    }
}
