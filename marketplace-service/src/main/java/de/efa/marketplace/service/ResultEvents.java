package de.efa.marketplace.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        write(job, ResultType.PROVISIONING_STARTED, null, null);
    }

    /** The result of a job that has just finished. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finished(ProvisioningJob job) {
        if (job.status == JobStatus.FAILED) {
            write(job, ResultType.PROVISIONING_FAILED, null, job.failureReason);
        } else if (job.operation == Operation.PROVISION) {
            write(job, ResultType.PROVISIONED, job.dashboardUrl, null);
        } else {
            write(job, ResultType.DEPROVISIONED, null, null);
        }
    }

    private void write(ProvisioningJob job, ResultType type, String dashboardUrl, String reason) {
        InstanceResult result = new InstanceResult(job.subscriptionId, job.id, job.operation, job.instanceId,
                dashboardUrl, reason, clock.instant());
        try {
            outbox.write(TOPIC, job.subscriptionId.toString(), type.ceType(), json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result could not be written as JSON", e);
        }
    }

    /**
     * The payload every result type shares. {@code jobId} is the id of the request event the job was made for, so
     * that tenant-service can tell a result of its latest request from a late one of an older request.
     */
    public record InstanceResult(UUID subscriptionId, UUID jobId, Operation operation, UUID instanceId,
                                 String dashboardUrl, String reason, Instant occurredAt) {
    }
}
