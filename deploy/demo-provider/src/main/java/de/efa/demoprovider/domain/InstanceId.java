package de.efa.demoprovider.domain;

import java.util.ArrayList;
import java.util.List;

/** The platform's id of a service instance (for the marketplace: the subscription id). */
public record InstanceId(String value) {

    public InstanceId {
        List<Violation> violations = new ArrayList<>();
        Identifiers.check("instance_id", value, violations);
        InvalidRequestException.throwIfAny(violations);
    }

    @Override
    public String toString() {
        return value;
    }
}
