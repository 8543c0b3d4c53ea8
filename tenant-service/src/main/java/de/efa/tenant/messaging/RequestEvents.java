package de.efa.tenant.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.outbox.Outbox;
import de.efa.tenant.domain.Operation;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes the onboarding requests of docs/events.md ({@code efa.onboarding.requests.v1}, key = subscription id)
 * to the outbox, in the caller's transaction; the caller has locked (or created) the subscription first, so one
 * subscription's requests go out in the order they were made.
 */
@ApplicationScoped
public class RequestEvents {

    public static final String TOPIC = "efa.onboarding.requests.v1";

    private final Outbox outbox;
    private final ObjectMapper json;

    public RequestEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
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
            outbox.write(TOPIC, subscription.id().toString(), type.ceType, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request event of subscription " + subscription.id()
                    + " could not be written as JSON", e);
        }
    }
}
