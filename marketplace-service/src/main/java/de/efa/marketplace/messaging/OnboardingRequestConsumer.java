package de.efa.marketplace.messaging;

import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.service.RequestIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code efa.onboarding.requests.v1} in batches: the readable requests become jobs, the unreadable
 * records dead letters, all in one transaction; the offsets are committed after it.
 */
@ApplicationScoped
public class OnboardingRequestConsumer {

    private final OnboardingRequestReader reader;
    private final RequestIntake intake;

    public OnboardingRequestConsumer(OnboardingRequestReader reader, RequestIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Incoming("onboarding-requests")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        ReadBatch<OnboardingRequest> batch = ReadBatch.of(records, reader::read);
        BlockingRetry.untilDone("recording " + records.count() + " onboarding requests",
                () -> intake.record(batch.readable(), batch.unreadable()));
    }
}
