package de.efa.marketplace.service;

import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.mapping.DeadLetterView;
import de.efa.marketplace.mapping.JobMapper;
import de.efa.marketplace.mapping.JobView;
import de.efa.marketplace.mapping.StatsView;
import de.efa.marketplace.repository.AttemptRepository;
import de.efa.marketplace.repository.JobRepository;
import de.efa.marketplace.repository.JobRepository.JobFilter;
import de.efa.marketplace.repository.StatsRepository;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.inbox.ParkedRecords;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What an operator sees of provisioning and may do about it. */
@ApplicationScoped
public class OperatorService {

    private final JobRepository jobs;
    private final AttemptRepository attempts;
    private final ParkedRecords parkedRecords;
    private final StatsRepository stats;
    private final JobMapper mapper;
    private final Event<JobsDue> jobsDue;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public OperatorService(JobRepository jobs, AttemptRepository attempts, ParkedRecords parkedRecords,
                           StatsRepository stats, JobMapper mapper, Event<JobsDue> jobsDue, AuditTrail auditTrail,
                           Clock clock) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.parkedRecords = parkedRecords;
        this.stats = stats;
        this.mapper = mapper;
        this.jobsDue = jobsDue;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public Page<JobView> jobs(ListQuery query) {
        JobFilter filter = new JobFilter(query.status(), query.ags(), query.serviceId(), query.subscriptionId());
        PageRequest page = query.page();
        return Page.of(jobs.page(filter, page.page(), page.size()), page, jobs.count(filter)).map(mapper::summary);
    }

    @Transactional
    public JobView job(String jobId) {
        UUID id = Ids.pathId(jobId);
        ProvisioningJob job = jobs.findByIdOptional(id).orElseThrow(() -> unknown(id));
        return mapper.detail(job, attempts.ofJob(id));
    }

    /**
     * A FAILED job goes again from the start; its history stays. Only the newest job of its subscription can go
     * again: a newer request has superseded it, and running it again would undo what that one asked for. A failed
     * change cannot go again at all (see {@link #requireResultStillApplied}), nor a failed provisioning whose
     * municipality has subscribed to the service again since (see {@link #requireNotSubscribedAgain}).
     */
    @Transactional
    public JobView retry(String jobId) {
        UUID id = Ids.pathId(jobId);
        ProvisioningJob job = jobs.lockedById(id).orElseThrow(() -> unknown(id));
        jobs.newestAfter(id).ifPresent(newer -> {
            throw ProblemException.conflict("Job " + id + " has been superseded by the newer job " + newer
                    + " of the same subscription; only the newest job of a subscription can be retried");
        });
        if (job.status == JobStatus.FAILED) {
            requireResultStillApplied(job);
            requireNotSubscribedAgain(job);
        }
        job.retry(clock.instant());
        auditTrail.record("job.retry", Audited.job(id), job.status.name());
        jobsDue.fire(new JobsDue());
        return mapper.detail(job, attempts.ofJob(id));
    }

    /**
     * tenant-service settles a subscription by the failure of its change (the plan and configuration in effect stay,
     * the requested change is dropped) and would drop what a retry brings about at the broker as stale: a plan it does
     * not believe in. The repair is a new request there, which makes a new job. A failed provisioning is taken up
     * again by its FAILED subscription when a retry succeeds; a failed deprovisioning keeps its subscription waiting
     * for this retry, a failed resumption leaves it SUSPENDED, which a retry resumes, and a failed suspension counts
     * as done there, which a retry makes true: those go again.
     */
    private static void requireResultStillApplied(ProvisioningJob job) {
        if (job.operation == Operation.UPDATE) {
            throw ProblemException.conflict("Job " + job.id + " failed to change subscription " + job.subscriptionId
                    + ", whose change tenant-service has dropped, keeping the plan and configuration in effect: it "
                    + "would ignore the result of a retry. Request the change again at tenant-service instead (PATCH "
                    + "/api/v1/tenants/" + job.ags + "/subscriptions/" + job.subscriptionId + "), which makes a new "
                    + "job");
        }
    }

    /**
     * A retried provisioning creates its subscription's instance at the broker and, succeeding, makes that FAILED
     * subscription live again. A job of another subscription of the same municipality and service recorded after it
     * means the municipality has subscribed again since, and that newer subscription counts whatever became of it: a
     * FAILED one can be retried itself (it is the newest), and the marketplace sees jobs, not whether a subscription is
     * live; a CANCELLED one is the municipality's later decision to end the service, which reviving the older request
     * would overturn, and bill. So only the newest of a municipality's subscriptions to a service can be revived,
     * the one tenant-service accepted while the older ones were final: at most one is live. The other operations
     * leave their subscription live when they fail, so no newer subscription of its service can exist beside them, and
     * they only act on the instance it has.
     */
    private void requireNotSubscribedAgain(ProvisioningJob job) {
        if (job.operation != Operation.PROVISION) {
            return;
        }
        jobs.newestOfAnotherSubscriptionAfter(job.id).ifPresent(newer -> {
            throw ProblemException.conflict("Job " + job.id + " cannot be retried: municipality " + job.ags
                    + " has subscribed to service " + job.serviceId + " again since, and job " + newer.id + " ("
                    + newer.operation + ", " + newer.status + ") of its newer subscription " + newer.subscriptionId
                    + " was received after this one. A retry would provision a second instance of the service for the "
                    + "municipality, whatever became of that subscription; it has at most one live subscription per "
                    + "service. Repair subscription " + newer.subscriptionId + " instead, or request the service "
                    + "anew at tenant-service, which makes a new job");
        });
    }

    @Transactional
    public StatsView stats() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            counts.put(status.name(), 0L);
        }
        counts.putAll(stats.countsByStatus());
        StatsRepository.FinishedJobs finished = stats.durations();
        StatsRepository.Throughput throughput = stats.throughput();
        double perSecond = throughput.spanSeconds() > 0 ? finished.toResult().finished() / throughput.spanSeconds()
                : 0;
        return new StatsView(counts, counts.values().stream().mapToLong(Long::longValue).sum(),
                view(finished.toResult()), view(finished.toActive()),
                new StatsView.Throughput(throughput.finishedLastMinute(), Math.round(perSecond * 100) / 100.0),
                stats.perMinute().stream().map(m -> new StatsView.Minute(m.minute(), m.finished())).toList());
    }

    private static StatsView.Durations view(StatsRepository.Durations durations) {
        return new StatsView.Durations(durations.p50(), durations.p95(), durations.max(), durations.finished());
    }

    /** The records of every topic that could not be applied: the platform's parked records. */
    public Page<DeadLetterView> deadLetters(ListQuery query) {
        PageRequest page = query.page();
        try {
            return Page.of(parkedRecords.list(Optional.empty(), page.offset(), page.size()), page,
                    parkedRecords.count(Optional.empty())).map(mapper::deadLetter);
        } catch (SQLException e) {
            throw new IllegalStateException("the dead letters could not be read: " + e.getMessage(), e);
        }
    }

    private static ProblemException unknown(UUID id) {
        return ProblemException.notFound("There is no provisioning job " + id);
    }
}
