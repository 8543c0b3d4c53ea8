package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.JobAttempt;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.repository.AttemptRepository;
import de.efa.marketplace.repository.JobRepository;
import de.efa.platform.audit.AuditTrail;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The short transactions around the broker calls: claim due jobs, and store what a call came to (the attempt, the
 * job's next step, its start when it has just started and, when it finished, its result event), for several workers
 * at once ({@link StepRecorder}). Each store first checks that the worker still holds the job's lease, so a worker
 * that was too slow cannot overwrite its successor.
 */
@ApplicationScoped
public class JobTransitions {

    private static final Logger LOG = Logger.getLogger(JobTransitions.class);

    private final JobRepository jobs;
    private final AttemptRepository attempts;
    private final ResultEvents results;
    private final Findings findings;
    private final ProvisioningMetrics metrics;
    private final ProvisioningConfig config;
    private final AuditTrail auditTrail;
    private final Event<JobsDue> jobsDue;
    private final TransactionSynchronizationRegistry transaction;
    private final Clock clock;

    public JobTransitions(JobRepository jobs, AttemptRepository attempts, ResultEvents results, Findings findings,
                          ProvisioningMetrics metrics, ProvisioningConfig config, AuditTrail auditTrail,
                          Event<JobsDue> jobsDue, TransactionSynchronizationRegistry transaction, Clock clock) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.results = results;
        this.findings = findings;
        this.metrics = metrics;
        this.config = config;
        this.auditTrail = auditTrail;
        this.jobsDue = jobsDue;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Due jobs, leased to the caller; they come back detached, for the worker to carry through a call. */
    @Transactional
    public List<ProvisioningJob> claim(int limit) {
        return jobs.claimDue(UUID.randomUUID(), config.lease(), limit);
    }

    @Transactional
    public void postpone(ProvisioningJob claimed, Instant until) {
        UUID leaseToken = claimed.leaseToken;
        claimed.postpone(until);
        held(claimed, leaseToken);
    }

    @Transactional
    public void fail(ProvisioningJob claimed, String reason) {
        fail(claimed, reason, null);
    }

    /** Fails the job without a broker call, for a reason whose {@code kind} decides what it reports. */
    @Transactional
    public void fail(ProvisioningJob claimed, String reason, FailureKind kind) {
        UUID leaseToken = claimed.leaseToken;
        claimed.fail(reason, kind, clock.instant());
        if (held(claimed, leaseToken)) {
            finished(claimed, null);
        }
    }

    /**
     * What one step of a job came to: the broker's answer (or the catalog read's) and the state {@link StepDecider}
     * derived from it ({@code worked}, detached, already released), with what was set aside of the answer
     * ({@code note}, null for nothing), and the trace the step ran in, which its result events continue.
     */
    public record Step(UUID leaseToken, ProvisioningJob worked, BrokerAnswer answer, String note, Context trace) {
    }

    /** Stores one step in a transaction of its own. */
    @Transactional
    public void record(Step step) {
        recordOne(step);
    }

    /** Stores the steps of several workers in one transaction ({@link StepRecorder}), each in its own trace. */
    @Transactional
    public void recordAll(List<Step> steps) {
        for (Step step : steps) {
            try (Scope ignored = step.trace().makeCurrent()) {
                recordOne(step);
            }
        }
    }

    /**
     * Stores one broker call and the job's state after it, if the worker still holds the job. A call turned away
     * because every place at the broker was taken is no attempt: the job only waits its turn.
     */
    private void recordOne(Step step) {
        ProvisioningJob worked = step.worked();
        BrokerAnswer answer = step.answer();
        if (!stored(worked, step.leaseToken())) {
            LOG.warnf("job %s was taken over while its broker call ran; its answer %s is dropped", worked.id,
                    answer.status());
            return;
        }
        if (answer.failure() != BrokerAnswer.Failure.BROKER_BUSY) {
            attempts.insert(attemptOf(worked.id, answer, step.note()));
        }
        if (worked.status.finished()) {
            finished(worked, answer);
        } else if (!worked.nextAttemptAt.isAfter(clock.instant())) {
            jobsDue.fire(new JobsDue());
        }
    }

    /** Stores the worker's copy of the job if the worker still holds it (by {@code leaseToken}). */
    private boolean held(ProvisioningJob job, UUID leaseToken) {
        boolean held = stored(job, leaseToken);
        if (!held) {
            LOG.warnf("job %s is no longer held by this worker", job.id);
        }
        return held;
    }

    /**
     * Stores the job if the worker still holds it, with the provisioning-started result of a job that has just
     * started: the start is stored with the job's first step, not in a transaction of its own before it. A batch of
     * steps that fails is stored again step by step ({@link StepRecorder}), so a transaction that rolls back gives
     * the announcement back to the job, for the step stored alone.
     */
    private boolean stored(ProvisioningJob job, UUID leaseToken) {
        if (!jobs.storeIfHeld(job, leaseToken)) {
            return false;
        }
        if (job.takeStartAnnouncement()) {
            results.started(job);
            transaction.registerInterposedSynchronization(new StartAnnouncement(job));
        }
        return true;
    }

    /** The announcement of a job's start, taken by the current transaction: the job gets it back unless it commits. */
    private record StartAnnouncement(ProvisioningJob job) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // Only the transaction's outcome decides.
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                job.returnStartAnnouncement();
            }
        }
    }

    /**
     * The job's result, its audit entry, and what it leaves to look into; {@code last} is its last broker call, null
     * for none.
     */
    private void finished(ProvisioningJob job, BrokerAnswer last) {
        boolean succeeded = job.status == JobStatus.SUCCEEDED;
        auditTrail.record(Audited.SYSTEM, succeeded ? "job.succeed" : "job.fail", Audited.job(job.id),
                job.status.name(), outcome(job));
        results.finished(job);
        findings.jobFinished(job, last);
        metrics.finished(job);
        // The next job of the same subscription may have waited for this one.
        jobsDue.fire(new JobsDue());
    }

    /** What the job was for and, when it failed, why. */
    private static Map<String, Object> outcome(ProvisioningJob job) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", job.operation.name());
        details.put("subscriptionId", job.subscriptionId);
        if (job.status == JobStatus.FAILED) {
            details.put("reason", job.failureReason);
        }
        return details;
    }

    private static JobAttempt attemptOf(UUID jobId, BrokerAnswer answer, String note) {
        JobAttempt attempt = new JobAttempt();
        attempt.jobId = jobId;
        attempt.at = answer.at();
        attempt.action = answer.action().name();
        attempt.requestIdentity = answer.requestIdentity();
        attempt.request = answer.method() + " " + answer.url();
        attempt.requestBody = answer.requestBody();
        attempt.status = answer.status();
        attempt.answer = answer.summary();
        attempt.durationMs = answer.durationMs();
        attempt.note = note;
        return attempt;
    }
}
