package de.efa.marketplace.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.domain.ResultType;
import de.efa.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The results on {@code efa.onboarding.results.v1} (docs/events.md), keyed by subscription id. */
@ApplicationScoped
public class ResultEvents {

    public static final String TOPIC = "efa.onboarding.results.v1";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public ResultEvents(Outbox outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void started(ProvisioningJob job) {
        write(job, ResultType.PROVISIONING_STARTED, result(job, null, null, null, null, null));
    }

    /**
     * The result of a job that has just finished. A suspension is reported whatever came of it, since the
     * subscription is suspended here either way; {@code confirmed} says whether the broker locked the instance. A
     * resumption at a broker that takes no context updates is reported as not confirmed; one that failed there leaves
     * its subscription SUSPENDED at tenant-service, which an operator's retry can still resume.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finished(ProvisioningJob job) {
        boolean succeeded = job.status == JobStatus.SUCCEEDED;
        String reason = succeeded ? null : job.failureReason;
        switch (job.operation) {
            case PROVISION -> write(job, succeeded ? ResultType.PROVISIONED : ResultType.PROVISIONING_FAILED,
                    result(job, succeeded ? job.dashboardUrl : null, reason, null, null, null));
            case DEPROVISION -> write(job, succeeded ? ResultType.DEPROVISIONED : ResultType.PROVISIONING_FAILED,
                    result(job, null, reason, null, null, null));
            case UPDATE -> write(job, succeeded ? ResultType.UPDATED : ResultType.UPDATE_FAILED, succeeded
                    ? result(job, job.dashboardUrl, null, job.planId, null, null)
                    : result(job, null, reason, null, instanceUsable(job), null));
            case SUSPEND -> write(job, ResultType.SUSPENDED, result(job, null, reason, null, null, succeeded));
            case RESUME -> {
                // Nothing was locked at a broker that takes no context updates: the subscription is usable again.
                boolean resumed = succeeded || job.failureKind == FailureKind.NOT_OFFERED;
                write(job, resumed ? ResultType.RESUMED : ResultType.PROVISIONING_FAILED,
                        result(job, null, reason, null, null, resumed ? succeeded : null));
            }
        }
    }

    /**
     * What the broker said of the instance after a failed update, if it said anything: a job that failed before the
     * broker answered (its catalog does not offer the change, the retry budget was spent) leaves it out, so that the
     * subscription keeps the status it had before the change.
     */
    private static Boolean instanceUsable(ProvisioningJob job) {
        if (job.failureKind == FailureKind.INSTANCE_UNUSABLE) {
            return false;
        }
        return job.failureKind == FailureKind.INSTANCE_USABLE ? Boolean.TRUE : null;
    }

    private InstanceResult result(ProvisioningJob job, String dashboardUrl, String reason, String planId,
                                  Boolean instanceUsable, Boolean confirmed) {
        return new InstanceResult(job.subscriptionId, job.id, job.operation, job.instanceId, dashboardUrl, reason,
                planId, instanceUsable, confirmed, clock.instant());
    }

    private void write(ProvisioningJob job, ResultType type, InstanceResult result) {
        try {
            outbox.write(TOPIC, job.subscriptionId.toString(), type.ceType(), json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result could not be written as JSON", e);
        }
    }

    /**
     * The payload of the results. {@code jobId} is the id of the request event the job was made for, so that
     * tenant-service can tell a result of its latest request from a late one of an older request. Every type carries
     * {@code dashboardUrl} and {@code reason} (null where they say nothing); {@code planId}, {@code instanceUsable}
     * and {@code confirmed} only the types whose schema has them.
     */
    public record InstanceResult(UUID subscriptionId, UUID jobId, Operation operation, UUID instanceId,
                                 String dashboardUrl, String reason,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String planId,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean instanceUsable,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean confirmed,
                                 Instant occurredAt) {
    }
}
