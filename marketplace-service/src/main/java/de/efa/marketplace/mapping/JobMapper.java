package de.efa.marketplace.mapping;

import de.efa.marketplace.domain.JobAttempt;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.mapping.DeadLetterView.HeaderView;
import de.efa.marketplace.mapping.JobView.AttemptView;
import de.efa.platform.inbox.ParkedRecord;
import de.efa.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Domain ⇄ operator API. */
@ApplicationScoped
public class JobMapper {

    public JobView summary(ProvisioningJob job) {
        return view(job, null);
    }

    public JobView detail(ProvisioningJob job, List<JobAttempt> attempts) {
        return view(job, attempts.stream().map(JobMapper::attempt).toList());
    }

    /** A parked record as the dead letters have always been shown (docs/services.md). */
    public DeadLetterView deadLetter(ParkedRecord record) {
        return new DeadLetterView(record.id(), record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), record.headers().stream().map(h -> new HeaderView(h.name(), h.value())).toList(),
                record.reason(), record.parkedAt());
    }

    private static JobView view(ProvisioningJob job, List<AttemptView> attempts) {
        return new JobView(job.id, job.subscriptionId, job.ags, job.serviceId, job.planId, job.previousPlanId,
                job.instanceId, job.operation, job.status, job.step, job.dashboardUrl, job.failureReason,
                job.failureKind, job.requestedAt, job.finishedAt, Tracing.traceIdOf(job.traceparent), attempts);
    }

    private static AttemptView attempt(JobAttempt a) {
        return new AttemptView(a.at, a.action, a.requestIdentity, a.request, a.requestBody, a.status, a.answer,
                a.durationMs, a.note);
    }
}
