package de.efa.marketplace.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.DeadLetter;
import de.efa.marketplace.domain.JobAttempt;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.mapping.DeadLetterView.HeaderView;
import de.efa.marketplace.mapping.JobView.AttemptView;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;

/** Domain ⇄ operator API. */
@ApplicationScoped
public class JobMapper {

    private static final TypeReference<List<List<String>>> HEADER_PAIRS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public JobMapper(ObjectMapper json) {
        this.json = json;
    }

    public JobView summary(ProvisioningJob job) {
        return view(job, null);
    }

    public JobView detail(ProvisioningJob job, List<JobAttempt> attempts) {
        return view(job, attempts.stream().map(JobMapper::attempt).toList());
    }

    public DeadLetterView deadLetter(DeadLetter letter) {
        return new DeadLetterView(letter.id, letter.topic, letter.partition, letter.offset, letter.recordKey,
                letter.payload, headers(letter.headers), letter.reason, letter.receivedAt);
    }

    private static JobView view(ProvisioningJob job, List<AttemptView> attempts) {
        return new JobView(job.id, job.subscriptionId, job.ags, job.serviceId, job.planId, job.instanceId,
                job.operation, job.status, job.step, job.dashboardUrl, job.failureReason, job.requestedAt,
                job.finishedAt, attempts);
    }

    private static AttemptView attempt(JobAttempt a) {
        return new AttemptView(a.at, a.action, a.request, a.requestBody, a.status, a.answer, a.durationMs);
    }

    private List<HeaderView> headers(String stored) {
        try {
            return json.readValue(stored, HEADER_PAIRS).stream().map(p -> new HeaderView(p.get(0), p.get(1))).toList();
        } catch (IOException e) {
            throw new IllegalStateException("stored headers are not readable", e);
        }
    }
}
