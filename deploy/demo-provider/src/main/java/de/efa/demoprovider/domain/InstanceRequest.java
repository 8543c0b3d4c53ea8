package de.efa.demoprovider.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a platform asks to be provisioned: the attributes OSB compares to tell a repeated request (same answer)
 * from a conflicting one (409).
 */
public record InstanceRequest(String serviceId, String planId, ObjectNode context, ObjectNode parameters) {

    /** Plans whose id ends like this fail their provisioning, so that platforms can try their failure path. */
    public static final String FAILING_PLAN_SUFFIX = "-fails";

    private static final char NUL = 0;

    /** JSON values compared as JSON, not as text: {@code 1.0} and {@code 1} are the same number. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : 1;
    };

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
        ObjectNode checkedContext = object("context", context, violations);
        ObjectNode checkedParameters = object("parameters", parameters, violations);
        InvalidRequestException.throwIfAny(violations);
        return new InstanceRequest(serviceId, planId, checkedContext, checkedParameters);
    }

    public boolean sameAs(InstanceRequest other) {
        return serviceId.equals(other.serviceId)
                && planId.equals(other.planId)
                && context.equals(SAME_VALUE, other.context)
                && parameters.equals(SAME_VALUE, other.parameters);
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

    private static ObjectNode object(String field, JsonNode value, List<Violation> violations) {
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (value instanceof ObjectNode object) {
            if (holdsNul(object)) {
                violations.add(new Violation(field, "must not contain the character U+0000"));
            }
            return object;
        }
        violations.add(new Violation(field, "must be a JSON object"));
        return JsonNodeFactory.instance.objectNode();
    }

    /** PostgreSQL's jsonb cannot hold U+0000, in a value or a name; refused here, it is not a failed insert. */
    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf(NUL) >= 0;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
            return false;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().indexOf(NUL) >= 0 || holdsNul(field.getValue())) {
                return true;
            }
        }
        return false;
    }
}
