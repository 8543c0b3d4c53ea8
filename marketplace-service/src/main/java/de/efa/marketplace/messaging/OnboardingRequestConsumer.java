package de.efa.marketplace.messaging;

import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.service.RequestIntake;
import de.efa.platform.inbox.Consumption;
import de.efa.platform.inbox.EventHandler;
import de.efa.platform.inbox.EventInbox;
import de.efa.platform.inbox.InboundEvent;
import de.efa.platform.inbox.UnreadableEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Optional;

/**
 * Consumes {@code efa.onboarding.requests.v1}: each request becomes a job. A record that cannot be read or applied
 * is parked and goes to {@value #DEAD_LETTER_TOPIC} with its reason; a request of a type this service does not
 * know yet is skipped, so that tenant-service can be upgraded first.
 */
@ApplicationScoped
public class OnboardingRequestConsumer implements EventHandler<OnboardingRequest> {

    public static final String TOPIC = "efa.onboarding.requests.v1";
    public static final String DEAD_LETTER_TOPIC = TOPIC + ".dlq";

    private final EventInbox inbox;
    private final OnboardingRequestReader reader;
    private final RequestIntake intake;

    public OnboardingRequestConsumer(EventInbox inbox, OnboardingRequestReader reader, RequestIntake intake) {
        this.inbox = inbox;
        this.reader = reader;
        this.intake = intake;
    }

    @Incoming("onboarding-requests")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, this);
    }

    @Override
    public Consumption consumption() {
        return Consumption.of("requests", OnboardingRequestReader.TYPES.keySet()).deadLettersTo(DEAD_LETTER_TOPIC);
    }

    @Override
    public OnboardingRequest read(InboundEvent event) throws UnreadableEventException {
        return reader.read(event);
    }

    @Override
    public void apply(List<OnboardingRequest> requests) {
        intake.record(requests);
    }

    /** A request always has a value; nothing is compacted on this topic. */
    @Override
    public Optional<OnboardingRequest> tombstone(InboundEvent event) throws UnreadableEventException {
        throw new UnreadableEventException("the record has no value");
    }
}
