package de.efa.marketplace.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.Ags;
import de.efa.marketplace.domain.LandCode;
import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.domain.Operation;
import de.efa.platform.events.CloudEventHeaders;
import de.efa.platform.inbox.InboundEvent;
import de.efa.platform.inbox.UnreadableEventException;
import de.efa.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a record of {@code efa.onboarding.requests.v1} as docs/events.md describes it, as a tolerant reader
 * (unknown fields are ignored). What cannot be read is refused with every reason at once. The inbox has checked
 * {@code ce_id} and {@code ce_type} before.
 */
@ApplicationScoped
public class OnboardingRequestReader {

    static final Map<String, Operation> TYPES = Map.of(
            "de.efa.subscription.requested.v1", Operation.PROVISION,
            "de.efa.subscription.resubmitted.v1", Operation.PROVISION,
            "de.efa.subscription.cancellation-requested.v1", Operation.DEPROVISION,
            "de.efa.subscription.update-requested.v1", Operation.UPDATE,
            "de.efa.subscription.suspend-requested.v1", Operation.SUSPEND,
            "de.efa.subscription.resume-requested.v1", Operation.RESUME);

    private final ObjectMapper json;

    public OnboardingRequestReader(ObjectMapper json) {
        this.json = json;
    }

    /** The request of a record of a known type with a value and a {@code ce_id} that is a UUID. */
    public OnboardingRequest read(InboundEvent event) throws UnreadableEventException {
        String type = event.header(CloudEventHeaders.TYPE).orElseThrow();
        UUID eventId = UUID.fromString(event.header(CloudEventHeaders.ID).orElseThrow());
        return new Fields(EventValues.object(json, event.value())).request(eventId, type,
                event.header(Tracing.TRACEPARENT).orElse(null));
    }

    /** Reads the fields one by one, collecting what is wrong with each. */
    private static final class Fields {

        private final JsonNode body;
        private final List<String> problems = new ArrayList<>();

        Fields(JsonNode body) {
            this.body = body;
        }

        OnboardingRequest request(UUID eventId, String type, String traceparent) throws UnreadableEventException {
            UUID subscriptionId = field("subscriptionId", UUID::fromString);
            Operation operation = field("operation", Operation::valueOf);
            Ags ags = field("ags", Ags::of);
            String tenantName = field("tenantName", Function.identity());
            LandCode land = field("land", LandCode::of);
            UUID serviceId = field("serviceId", UUID::fromString);
            String planId = field("planId", Function.identity());
            // Only an update names the plan it changes from; the other types have no such field.
            String previousPlanId = TYPES.get(type) == Operation.UPDATE
                    ? field("previousPlanId", Function.identity()) : null;
            Instant requestedAt = field("requestedAt", Instant::parse);
            String parameters = parameters();
            String originatingUserId = optional("originatingUserId");
            if (operation != null && operation != TYPES.get(type)) {
                problems.add("operation " + operation + " does not belong to " + type);
            }
            if (ags != null && land != null && !ags.land().equals(land)) {
                problems.add("land " + land + " is not the Land of the AGS " + ags);
            }
            if (!problems.isEmpty()) {
                throw new UnreadableEventException(String.join("; ", problems));
            }
            return new OnboardingRequest(eventId, subscriptionId, operation, ags, tenantName, land, serviceId, planId,
                    previousPlanId, parameters, originatingUserId, requestedAt, traceparent);
        }

        private <T> T field(String name, Function<String, T> parse) {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                problems.add("'" + name + "' is missing");
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problems.add("'" + name + "' must be a non-empty string");
                return null;
            }
            try {
                return parse.apply(value.asText());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add("'" + name + "' is invalid: " + e.getMessage());
                return null;
            }
        }

        /** A text that may be absent or null, as in events written before the field existed. */
        private String optional(String name) {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problems.add("'" + name + "' must be a non-empty string or null");
                return null;
            }
            return value.asText();
        }

        private String parameters() {
            JsonNode value = body.get("parameters");
            if (value == null || value.isNull()) {
                return "{}";
            }
            if (!value.isObject()) {
                problems.add("'parameters' must be a JSON object");
                return null;
            }
            return value.toString();
        }
    }
}
