package de.efa.tenant.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.tenant.domain.Operation;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.repository.OutboxEvent;
import de.efa.tenant.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes the onboarding requests of docs/events.md ({@code efa.onboarding.requests.v1}, key = subscription id)
 * to the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class RequestEvents {

    public static final String TOPIC = "efa.onboarding.requests.v1";

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    public RequestEvents(OutboxRepository outbox, ObjectMapper json, Event<OutboxWritten> written) {
        this.outbox = outbox;
        this.json = json;
        this.written = written;
    }

    /** The request types and the operation each one asks the marketplace for. */
    public enum Type {
        REQUESTED("de.efa.subscription.requested.v1", Operation.PROVISION),
        RESUBMITTED("de.efa.subscription.resubmitted.v1", Operation.PROVISION),
        CANCELLATION_REQUESTED("de.efa.subscription.cancellation-requested.v1", Operation.DEPROVISION);

        private final String ceType;
        private final Operation operation;

        Type(String ceType, Operation operation) {
            this.ceType = ceType;
            this.operation = operation;
        }

        public String ceType() {
            return ceType;
        }
    }

    /** The value of a request record. */
    public record Payload(UUID subscriptionId, Operation operation, String ags, String tenantName, String land,
            UUID serviceId, String planId, JsonNode parameters, Instant requestedAt) {
    }

    public void add(Type type, Subscription subscription, Tenant tenant, Instant now) {
        try {
            Payload payload = new Payload(subscription.id(), type.operation, tenant.ags().value(), tenant.name(),
                    tenant.ags().land().code(), subscription.serviceId(), subscription.planId(),
                    json.readTree(subscription.parametersJson()), now);
            outbox.add(new OutboxEvent(UUID.randomUUID(), TOPIC, subscription.id().toString(), type.ceType,
                    json.writeValueAsString(payload), now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request event of subscription " + subscription.id()
                    + " could not be written as JSON", e);
        }
        written.fire(new OutboxWritten());
    }
}
