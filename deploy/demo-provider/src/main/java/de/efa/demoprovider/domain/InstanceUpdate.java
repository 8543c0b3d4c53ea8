package de.efa.demoprovider.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a platform asks an update (OSB PATCH) to change. What it leaves out stays as it is: without {@code plan_id}
 * the plan, without {@code parameters} the whole configuration (when sent, they replace it), and the context is
 * merged into the instance's. The context's {@code suspended} is not stored with the context: it locks or unlocks
 * the instance, an extension of this marketplace's OSB profile.
 */
public record InstanceUpdate(String serviceId, Optional<String> planId, Optional<ObjectNode> parameters,
                             ObjectNode context, Optional<Boolean> suspended) {

    /** The context field of the extension. */
    public static final String SUSPENDED = "suspended";

    public InstanceUpdate {
        Objects.requireNonNull(serviceId);
        Objects.requireNonNull(planId);
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(context);
        Objects.requireNonNull(suspended);
    }

    /** Checks what the platform sent; every field but {@code service_id} may be absent. */
    public static InstanceUpdate of(String serviceId, String planId, JsonNode context, JsonNode parameters) {
        List<Violation> violations = new ArrayList<>();
        Identifiers.check("service_id", serviceId, violations);
        if (planId != null) {
            Identifiers.check("plan_id", planId, violations);
        }
        Optional<ObjectNode> checkedParameters = parameters == null || parameters.isNull()
                ? Optional.empty()
                : Optional.of(JsonObjects.check("parameters", parameters, violations));
        ObjectNode checkedContext = JsonObjects.check("context", context, violations).deepCopy();
        JsonNode flag = checkedContext.remove(SUSPENDED);
        Optional<Boolean> suspended = Optional.empty();
        if (flag != null && flag.isBoolean()) {
            suspended = Optional.of(flag.booleanValue());
        } else if (flag != null && !flag.isNull()) {
            violations.add(new Violation("context." + SUSPENDED, "must be true or false"));
        }
        InvalidRequestException.throwIfAny(violations);
        return new InstanceUpdate(serviceId, Optional.ofNullable(planId), checkedParameters, checkedContext, suspended);
    }
}
