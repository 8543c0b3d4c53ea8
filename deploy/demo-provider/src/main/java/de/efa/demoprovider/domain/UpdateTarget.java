package de.efa.demoprovider.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * What an instance is to be once an update succeeds: all of it, so that a failed update leaves the instance as it
 * was and a repeated request can be told from another one.
 */
public record UpdateTarget(String planId, ObjectNode parameters, ObjectNode context, boolean suspended) {

    public UpdateTarget {
        Objects.requireNonNull(planId);
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(context);
    }

    public boolean sameAs(UpdateTarget other) {
        return planId.equals(other.planId)
                && suspended == other.suspended
                && JsonObjects.same(parameters, other.parameters)
                && JsonObjects.same(context, other.context);
    }
}
