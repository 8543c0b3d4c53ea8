package de.efa.marketplace.service;

import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Records a batch of new onboarding requests in one transaction (the inbox's, which has dropped the events applied
 * before): one job per subscription and operation, however often it is requested (the job table has a unique
 * constraint). A resubmission sends a FAILED job round again; any other repeat changes nothing.
 */
@ApplicationScoped
public class RequestIntake {

    private static final Logger LOG = Logger.getLogger(RequestIntake.class);

    private final JobRepository jobs;
    private final Event<JobsDue> jobsDue;
    private final Clock clock;

    public RequestIntake(JobRepository jobs, Event<JobsDue> jobsDue, Clock clock) {
        this.jobs = jobs;
        this.jobsDue = jobsDue;
        this.clock = clock;
    }

    @Transactional
    public void record(List<OnboardingRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        List<Boolean> created = jobs.insertNew(requests);
        for (int i = 0; i < requests.size(); i++) {
            if (!created.get(i)) {
                repeated(requests.get(i));
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
