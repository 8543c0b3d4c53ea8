package de.efa.marketplace.client;

import java.util.UUID;

/**
 * Which instance a call is about and what it carries besides: the OSB ids ({@code planId} the plan it has or gets,
 * {@code previousPlanId} the one an update changes from), the platform context, and the person whose request it is
 * ({@code originatingUserId}, null when no person asked), who is named to the broker.
 */
public record InstanceRequest(
        UUID instanceId,
        String serviceId,
        String planId,
        String previousPlanId,
        String ags,
        String tenantName,
        String land,
        String parametersJson,
        String originatingUserId) {
}
