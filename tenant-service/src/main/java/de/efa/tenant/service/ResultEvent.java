package de.efa.tenant.service;

import de.efa.tenant.domain.Operation;

import java.util.UUID;

/**
 * A record of {@code efa.onboarding.results.v1}: its CloudEvents id and type with the payload the tenant-service uses.
 * {@code jobId} is the id of the request event the job was made for.
 */
public record ResultEvent(UUID ceId, String type, UUID subscriptionId, UUID jobId, Operation operation,
        String instanceId, String dashboardUrl, String reason) {

    public static final String PROVISIONING_STARTED = "de.efa.instance.provisioning-started.v1";
    public static final String PROVISIONED = "de.efa.instance.provisioned.v1";
    public static final String PROVISIONING_FAILED = "de.efa.instance.provisioning-failed.v1";
    public static final String DEPROVISIONED = "de.efa.instance.deprovisioned.v1";
}
