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

    /** A failed change is requested again at the subscription: the marketplace refuses to retry it (409). */
    public boolean retryable() {
        return "FAILED".equals(status) && !"UPDATE".equals(operation);
    }
}
