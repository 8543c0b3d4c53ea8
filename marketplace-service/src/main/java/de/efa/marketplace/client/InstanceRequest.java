package de.efa.marketplace.client;

import java.util.UUID;

/**
 * Which instance a call is about and what it carries besides: the OSB ids, the platform context, and the person whose
 * request it is ({@code originatingUserId}, null when no person asked), who is named to the broker.
 */
public record InstanceRequest(
        UUID instanceId,
        String serviceId,
        String planId,
        String ags,
        String tenantName,
        String land,
        String parametersJson,
        String originatingUserId) {
}
