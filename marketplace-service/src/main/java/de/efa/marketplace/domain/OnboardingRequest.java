package de.efa.marketplace.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A request of the tenant-service about a subscription's instance, read from {@code efa.onboarding.requests.v1};
 * {@code eventId} is its {@code ce_id}, which becomes the id of the job made for it, {@code parameters} is the
 * subscription's configuration as JSON text, {@code previousPlanId} the plan in effect before an update (null for
 * the other operations), {@code originatingUserId} the token subject of the person who asked (null when nobody
 * did, or for a request written before it was sent), and {@code traceparent} the trace the request was written in
 * (null: the record had none).
 */
public record OnboardingRequest(
        UUID eventId,
        UUID subscriptionId,
        Operation operation,
        Ags ags,
        String tenantName,
        LandCode land,
        UUID serviceId,
        String planId,
        String previousPlanId,
        String parameters,
        String originatingUserId,
        Instant requestedAt,
        String traceparent) {
}
