package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.JobAttempt;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.repository.AttemptRepository;
import de.efa.marketplace.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The short transactions around the broker calls: claim due jobs, start one, and store what a call came to
 * (the attempt, the job's next step and, when it finished, its result event). Each store first checks that
 * the worker still holds the job's lease, so a worker that was too slow cannot overwrite its successor.
 */
@ApplicationScoped
public class JobTransitions {

    private static final Logger LOG = Logger.getLogger(JobTransitions.class);

    private final JobRepository jobs;
    private final AttemptRepository attempts;
    private final ResultEvents results;
    private final ProvisioningMetrics metrics;
    private final ProvisioningConfig config;
    private final EntityManager em;
    private final Event<JobsDue> jobsDue;
    private final Clock clock;

    public JobTransitions(JobRepository jobs, AttemptRepository attempts, ResultEvents results,
                          ProvisioningMetrics metrics, ProvisioningConfig config, EntityManager em,
                          Event<JobsDue> jobsDue, Clock clock) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.results = results;
        this.metrics = metrics;
        this.config = config;
        this.em = em;
        this.jobsDue = jobsDue;
        this.clock = clock;
    }

    /** Due jobs, leased to the caller; they come back detached, for the worker to carry through a call. */
    @Transactional
    public List<ProvisioningJob> claim(int limit) {
        return jobs.claimDue(UUID.randomUUID(), config.lease(), limit);
    }

    /** PENDING → IN_PROGRESS with the broker found in the catalog; the tenant hears provisioning-started. */
    @Transactional
    public Optional<ProvisioningJob> start(ProvisioningJob claimed, String brokerUrl) {
        return held(claimed).map(job -> {
            job.start(brokerUrl, clock.instant());
            results.started(job);
            return job;
        });
    }

    @Transactional
    public void postpone(ProvisioningJob claimed, Instant until) {
        held(claimed).ifPresent(job -> job.postpone(until));
    }

    @Transactional
    public void fail(ProvisioningJob claimed, String reason) {
        held(claimed).ifPresent(job -> {
            job.fail(reason, clock.instant());
            finished(job);
        });
    }

    /**
     * Stores one broker call and the state {@link StepDecider} derived from it ({@code worked}, detached,
     * already released).
     */
    @Transactional
    public void record(UUID leaseToken, ProvisioningJob worked, BrokerAnswer answer) {
        Optional<ProvisioningJob> current = jobs.lockedById(worked.id).filter(job -> job.heldBy(leaseToken));
        if (current.isEmpty()) {
            LOG.warnf("job %s was taken over while its broker call ran; its answer %s is dropped", worked.id,
                    answer.status());
            return;
        }
        attempts.persist(attemptOf(worked.id, answer));
        ProvisioningJob job = em.merge(worked);
        if (job.status.finished()) {
            finished(job);
        } else if (!job.nextAttemptAt.isAfter(clock.instant())) {
            jobsDue.fire(new JobsDue());
        }
    }

    private Optional<ProvisioningJob> held(ProvisioningJob claimed) {
        Optional<ProvisioningJob> job = jobs.lockedById(claimed.id).filter(j -> j.heldBy(claimed.leaseToken));
        if (job.isEmpty()) {
            LOG.warnf("job %s is no longer held by this worker", claimed.id);
        }
        return job;
    }

    private void finished(ProvisioningJob job) {
        results.finished(job);
        metrics.finished(job);
        // A deprovisioning of the same subscription may have waited for this job.
        jobsDue.fire(new JobsDue());
    }

    private static JobAttempt attemptOf(UUID jobId, BrokerAnswer answer) {
        JobAttempt attempt = new JobAttempt();
        attempt.jobId = jobId;
        attempt.at = answer.at();
        attempt.action = answer.action().name();
        attempt.request = answer.method() + " " + answer.url();
        attempt.requestBody = answer.requestBody();
        attempt.status = answer.status();
        attempt.answer = answer.summary();
        attempt.durationMs = answer.durationMs();
        return attempt;
    }
}
