package de.efa.marketplace.service;

import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.repository.JobRepository;
import de.efa.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records a batch of new onboarding requests in one transaction (the inbox's, which has dropped the events applied
 * before): one job per request event, whose id is the event's {@code ce_id}, so an event delivered again after the
 * inbox has forgotten it still finds its job and changes nothing. A new event of the same subscription and
 * operation (a resubmission) is a new job; it waits behind the subscription's unfinished jobs. Each job made is
 * audited as the marketplace's own doing, naming the person who asked where the event does.
 */
@ApplicationScoped
public class RequestIntake {

    private static final Logger LOG = Logger.getLogger(RequestIntake.class);

    private final JobRepository jobs;
    private final AuditTrail auditTrail;
    private final Event<JobsDue> jobsDue;

    public RequestIntake(JobRepository jobs, AuditTrail auditTrail, Event<JobsDue> jobsDue) {
        this.jobs = jobs;
        this.auditTrail = auditTrail;
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
            OnboardingRequest request = requests.get(i);
            if (created.get(i)) {
                auditTrail.record(Audited.SYSTEM, "job.create", Audited.job(request.eventId()), "created",
                        details(request));
            } else {
                LOG.debugf("request %s of subscription %s has its job already; it changes nothing",
                        request.eventId(), request.subscriptionId());
            }
        }
        jobsDue.fire(new JobsDue());
    }

    /** What the job is for, and who asked (null: nobody did, or the event does not say). */
    private static Map<String, Object> details(OnboardingRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", request.operation().name());
        details.put("subscriptionId", request.subscriptionId());
        details.put("originatingUserId", request.originatingUserId());
        return details;
    }
}
