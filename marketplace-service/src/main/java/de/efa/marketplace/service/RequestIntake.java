package de.efa.marketplace.service;

import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.domain.UnreadableRecord;
import de.efa.marketplace.repository.JobRepository;
import de.efa.marketplace.repository.ProcessedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a batch of onboarding requests in one transaction: one job per subscription and operation, however
 * often a request arrives (event ids are remembered, and the job table has a unique constraint). A
 * resubmission sends a FAILED job round again; any other repeat changes nothing.
 */
@ApplicationScoped
public class RequestIntake {

    private static final Logger LOG = Logger.getLogger(RequestIntake.class);

    private final ProcessedEventRepository processedEvents;
    private final JobRepository jobs;
    private final DeadLetters deadLetters;
    private final Event<JobsDue> jobsDue;
    private final Clock clock;

    public RequestIntake(ProcessedEventRepository processedEvents, JobRepository jobs, DeadLetters deadLetters,
                         Event<JobsDue> jobsDue, Clock clock) {
        this.processedEvents = processedEvents;
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.jobsDue = jobsDue;
        this.clock = clock;
    }

    @Transactional
    public void record(List<OnboardingRequest> requests, List<UnreadableRecord> unreadable) {
        unreadable.forEach(deadLetters::keep);
        if (requests.isEmpty()) {
            return;
        }
        List<Boolean> fresh = processedEvents.markProcessed(requests.stream().map(OnboardingRequest::eventId).toList());
        List<OnboardingRequest> news = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (fresh.get(i)) {
                news.add(requests.get(i));
            } else {
                LOG.debugf("event %s was applied before; dropped", requests.get(i).eventId());
            }
        }
        if (news.isEmpty()) {
            return;
        }
        List<Boolean> created = jobs.insertNew(news);
        for (int i = 0; i < news.size(); i++) {
            if (!created.get(i)) {
                repeated(news.get(i));
            }
        }
        jobsDue.fire(new JobsDue());
    }

    private void repeated(OnboardingRequest request) {
        if (!request.resubmission()) {
            LOG.debugf("subscription %s already has a %s job; request %s changes nothing", request.subscriptionId(),
                    request.operation(), request.eventId());
            return;
        }
        jobs.lockedFor(request.subscriptionId(), request.operation()).ifPresent(job -> {
            if (job.status == JobStatus.FAILED) {
                job.reopen(request.requestedAt(), clock.instant());
            } else {
                LOG.infof("resubmission %s of subscription %s ignored: its job is %s", request.eventId(),
                        request.subscriptionId(), job.status);
            }
        });
    }
}
