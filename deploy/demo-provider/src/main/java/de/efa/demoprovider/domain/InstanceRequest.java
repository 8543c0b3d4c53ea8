package de.efa.demoprovider.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a platform asks to be provisioned: the attributes OSB compares to tell a repeated request (same answer)
 * from a conflicting one (409).
 */
public record InstanceRequest(String serviceId, String planId, ObjectNode context, ObjectNode parameters) {

    /** Plans whose id ends like this fail their provisioning, so that platforms can try their failure path. */
    public static final String FAILING_PLAN_SUFFIX = "-fails";

    public InstanceRequest {
        Objects.requireNonNull(serviceId);
        Objects.requireNonNull(planId);
        Objects.requireNonNull(context);
        Objects.requireNonNull(parameters);
    }

    /** Checks what the platform sent; {@code context} and {@code parameters} may be absent but must be objects. */
    public static InstanceRequest of(String serviceId, String planId, JsonNode context, JsonNode parameters) {
        List<Violation> violations = new ArrayList<>();
        Identifiers.check("service_id", serviceId, violations);
        Identifiers.check("plan_id", planId, violations);
        ObjectNode checkedContext = JsonObjects.check("context", context, violations);
        ObjectNode checkedParameters = JsonObjects.check("parameters", parameters, violations);
        InvalidRequestException.throwIfAny(violations);
        return new InstanceRequest(serviceId, planId, checkedContext, checkedParameters);
    }

    public boolean sameAs(InstanceRequest other) {
        return serviceId.equals(other.serviceId)
                && planId.equals(other.planId)
                && JsonObjects.same(context, other.context)
                && JsonObjects.same(parameters, other.parameters);
    }

    /** Why provisioning this request will fail, decided up front so that a restart does not change the outcome. */
    public Optional<String> plannedFailure() {
        if (!planId.endsWith(FAILING_PLAN_SUFFIX)) {
            return Optional.empty();
        }
        return Optional.of("The demo provider refused to set up this instance: plan '" + planId
                + "' ends in '" + FAILING_PLAN_SUFFIX + "', which this provider always fails on purpose"
                + " so that the failure path of a subscription can be tried.");
    }
}
