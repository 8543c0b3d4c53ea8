package de.efa.marketplace.service;

import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records a batch of new onboarding requests in one transaction (the inbox's, which has dropped the events applied
 * before): one job per request event, whose id is the event's {@code ce_id}, so an event delivered again after the
 * inbox has forgotten it still finds its job and changes nothing. A new event of the same subscription and
 * operation (a resubmission) is a new job; it waits behind the subscription's unfinished jobs.
 */
@ApplicationScoped
public class RequestIntake {

    private static final Logger LOG = Logger.getLogger(RequestIntake.class);

    private final JobRepository jobs;
    private final Event<JobsDue> jobsDue;

    public RequestIntake(JobRepository jobs, Event<JobsDue> jobsDue) {
        this.jobs = jobs;
        this.jobsDue = jobsDue;
    }

    @Transactional
    public void record(List<OnboardingRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        Set<UUID> subscriptions = requests.stream().map(OnboardingRequest::subscriptionId).collect(Collectors.toSet());
        jobs.lockRetryableOf(subscriptions);
        List<Boolean> created = jobs.insertNew(requests);
        for (int i = 0; i < requests.size(); i++) {
            if (!created.get(i)) {
                LOG.debugf("request %s of subscription %s has its job already; it changes nothing",
                        requests.get(i).eventId(), requests.get(i).subscriptionId());
            }
        }
        jobsDue.fire(new JobsDue());
    }
}
