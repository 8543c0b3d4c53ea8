package de.efa.tenant.service;

import de.efa.tenant.domain.Operation;

import java.util.Optional;
import java.util.UUID;

/**
 * A record of {@code efa.onboarding.results.v1}: its CloudEvents id and type with the payload the tenant-service uses.
 * {@code jobId} is the id of the request event the job was made for. {@code planId} comes with an update,
 * {@code instanceUsable} with a failed one, {@code confirmed} with a suspension or resumption; each is null where
 * the type does not carry it. A result may also stand for one that will never come ({@link #failed}).
 */
public record ResultEvent(UUID ceId, String type, UUID subscriptionId, UUID jobId, Operation operation,
        String instanceId, String dashboardUrl, String reason, String planId, Boolean instanceUsable,
        Boolean confirmed) {

    public static final String PROVISIONING_STARTED = "de.efa.instance.provisioning-started.v1";
    public static final String PROVISIONED = "de.efa.instance.provisioned.v1";
    public static final String PROVISIONING_FAILED = "de.efa.instance.provisioning-failed.v1";
    public static final String DEPROVISIONED = "de.efa.instance.deprovisioned.v1";
    public static final String UPDATED = "de.efa.instance.updated.v1";
    public static final String UPDATE_FAILED = "de.efa.instance.update-failed.v1";
    public static final String SUSPENDED = "de.efa.instance.suspended.v1";
    public static final String RESUMED = "de.efa.instance.resumed.v1";

    /**
     * The result the marketplace reports of a job that failed before a broker did anything to the instance
     * (docs/state-machines.md, "What a finished job emits"): a failed update says nothing of the instance, and a
     * suspension is not confirmed.
     *
     * @param ceId the id of what this result stands for, which the logs name
     */
    public static ResultEvent failed(UUID ceId, UUID subscriptionId, UUID jobId, Operation operation,
            String reason) {
        return switch (operation) {
            case PROVISION, DEPROVISION, RESUME -> new ResultEvent(ceId, PROVISIONING_FAILED, subscriptionId, jobId,
                    operation, null, null, reason, null, null, null);
            case UPDATE -> new ResultEvent(ceId, UPDATE_FAILED, subscriptionId, jobId, operation, null, null, reason,
                    null, null, null);
            case SUSPEND -> new ResultEvent(ceId, SUSPENDED, subscriptionId, jobId, operation, null, null, reason,
                    null, null, false);
        };
    }

    /**
     * Whether applying it may leave its subscription settled (ACTIVE or UNUSABLE): every result but a job's start,
     * which never does. More than the results that settle one, so that reading ahead for them misses none.
     */
    public boolean maySettle() {
        return !PROVISIONING_STARTED.equals(type);
    }

    /**
     * OSB {@code instance_usable} of a failed update, as far as the broker said it: empty when the job failed without
     * the broker's answer (older marketplaces sent true then).
     */
    public Optional<Boolean> saysInstanceUsable() {
        return Optional.ofNullable(instanceUsable);
    }

    /** A suspension or resumption counts as confirmed only when the marketplace says so. */
    public boolean isConfirmed() {
        return Boolean.TRUE.equals(confirmed);
    }
}
