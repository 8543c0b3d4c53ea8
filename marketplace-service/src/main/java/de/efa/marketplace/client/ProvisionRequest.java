package de.efa.marketplace.client;

import java.util.UUID;

/** What a provision call carries besides the instance: the OSB ids and the platform context. */
public record ProvisionRequest(
        UUID instanceId,
        String serviceId,
        String planId,
        String ags,
        String tenantName,
        String land,
        String parametersJson) {
}
