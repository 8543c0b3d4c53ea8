package de.efa.marketplace.service;

import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.mapping.DeadLetterView;
import de.efa.marketplace.mapping.JobMapper;
import de.efa.marketplace.mapping.JobView;
import de.efa.marketplace.mapping.PageView;
import de.efa.marketplace.mapping.StatsView;
import de.efa.marketplace.repository.AttemptRepository;
import de.efa.marketplace.repository.DeadLetterRepository;
import de.efa.marketplace.repository.JobRepository;
import de.efa.marketplace.repository.JobRepository.JobFilter;
import de.efa.marketplace.repository.StatsRepository;
import de.efa.marketplace.rest.problem.Problem.Violation;
import de.efa.marketplace.rest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an operator sees of provisioning and may do about it. */
@ApplicationScoped
public class OperatorService {

    private final JobRepository jobs;
    private final AttemptRepository attempts;
    private final DeadLetterRepository deadLetters;
    private final StatsRepository stats;
    private final JobMapper mapper;
    private final Event<JobsDue> jobsDue;
    private final Clock clock;

    public OperatorService(JobRepository jobs, AttemptRepository attempts, DeadLetterRepository deadLetters,
                           StatsRepository stats, JobMapper mapper, Event<JobsDue> jobsDue, Clock clock) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.deadLetters = deadLetters;
        this.stats = stats;
        this.mapper = mapper;
        this.jobsDue = jobsDue;
        this.clock = clock;
    }

    @Transactional
    public PageView<JobView> jobs(ListQuery query) {
        JobFilter filter = new JobFilter(query.status(), query.ags(), query.serviceId(), query.subscriptionId());
        return new PageView<>(jobs.page(filter, query.page(), query.size()).stream().map(mapper::summary).toList(),
                query.page(), query.size(), jobs.count(filter));
    }

    @Transactional
    public JobView job(String jobId) {
        UUID id = parseId(jobId);
        ProvisioningJob job = jobs.findByIdOptional(id).orElseThrow(() -> unknown(id));
        return mapper.detail(job, attempts.ofJob(id));
    }

    /** A FAILED job goes again from the start; its history stays. */
    @Transactional
    public JobView retry(String jobId) {
        UUID id = parseId(jobId);
        ProvisioningJob job = jobs.lockedById(id).orElseThrow(() -> unknown(id));
        if (job.status != JobStatus.FAILED) {
            throw ProblemException.conflict("Only a FAILED job can be retried; this one is " + job.status);
        }
        job.reopen(clock.instant(), clock.instant());
        jobsDue.fire(new JobsDue());
        return mapper.detail(job, attempts.ofJob(id));
    }

    @Transactional
    public StatsView stats() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            counts.put(status.name(), 0L);
        }
        counts.putAll(stats.countsByStatus());
        StatsRepository.Durations durations = stats.durations();
        StatsRepository.Throughput throughput = stats.throughput();
        double perSecond = throughput.spanSeconds() > 0 ? durations.finished() / throughput.spanSeconds() : 0;
        return new StatsView(counts, counts.values().stream().mapToLong(Long::longValue).sum(),
                new StatsView.Durations(durations.p50(), durations.p95(), durations.max(), durations.finished()),
                new StatsView.Throughput(throughput.finishedLastMinute(), Math.round(perSecond * 100) / 100.0));
    }

    @Transactional
    public PageView<DeadLetterView> deadLetters(ListQuery query) {
        return new PageView<>(deadLetters.newestFirst(query.page(), query.size()).stream()
                .map(mapper::deadLetter).toList(), query.page(), query.size(), deadLetters.count());
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Violation("id", "must be a UUID")));
        }
    }

    private static ProblemException unknown(UUID id) {
        return ProblemException.notFound("There is no provisioning job " + id);
    }
}
