package de.efa.tenant.messaging;

import de.efa.platform.outbox.OutgoingEventDiscarded;
import de.efa.platform.outbox.ParkedEvent;
import de.efa.tenant.messaging.SubscriptionEvents.Request;
import de.efa.tenant.service.ResultEvent;
import de.efa.tenant.service.ResultService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.UUID;

/**
 * What an operator's discard of a parked request means here: the marketplace never gets it, so no job is made for it
 * and no result of one will come. Its subscription is settled, in the discard's transaction, as by the result of a
 * job that failed (its id is the job's, the event's key the subscription's), and the results' own rules decide
 * whether that result is stale: when the request is no longer the subscription's latest, or its status has moved on,
 * nothing changes. Other discarded events (the steps of the reuse process, which ask for no job) settle nothing.
 */
@ApplicationScoped
public class DiscardedRequests {

    private final ResultService results;

    public DiscardedRequests(ResultService results) {
        this.results = results;
    }

    void discarded(@Observes OutgoingEventDiscarded discarded) {
        ParkedEvent event = discarded.event();
        if (!SubscriptionEvents.TOPIC.equals(event.topic())) {
            return;
        }
        Request.ofType(event.type()).ifPresent(request -> results.apply(List.of(ResultEvent.failed(event.id(),
                UUID.fromString(event.key()), event.id(), request.operation(), reason(event)))));
    }

    /** For the operator and the municipality reading the subscription: why it failed, and what Kafka said. */
    private static String reason(ParkedEvent event) {
        String refusals = event.attempts() == 1 ? "1 refusal" : event.attempts() + " refusals";
        String lastError = event.lastError() == null ? "" : event.lastError().strip().lines().findFirst().orElse("");
        return "Its request was never sent: an operator discarded it (after " + refusals + " by Kafka"
                + (lastError.isEmpty() ? "" : ": " + lastError) + ")";
    }
}
