package de.efa.demoprovider.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Behaviour for fault tests: updates fail, those of one service or all, and leave the instance usable or not. The
 * failure is decided when an update starts, so it does not depend on when the behaviour changes afterwards.
 */
public record FailingUpdates(Optional<String> serviceId, boolean instanceUsable) {

    private static final String SERVICE_ID = "failing_updates.service_id";

    public FailingUpdates {
        Objects.requireNonNull(serviceId);
        List<Violation> violations = new ArrayList<>();
        serviceId.ifPresent(id -> Identifiers.check(SERVICE_ID, id, violations));
        InvalidRequestException.throwIfAny(violations);
    }

    public boolean appliesTo(String instanceServiceId) {
        return serviceId.map(instanceServiceId::equals).orElse(true);
    }

    /** The fields of a request, any of which may be missing. */
    public record Fields(String serviceId, Boolean instanceUsable) {

        /** Adds what is wrong to {@code violations}; answers the behaviour only when nothing is. */
        Optional<FailingUpdates> check(List<Violation> violations) {
            int before = violations.size();
            if (serviceId != null) {
                Identifiers.check(SERVICE_ID, serviceId, violations);
            }
            if (instanceUsable == null) {
                violations.add(new Violation("failing_updates.instance_usable", "is required"));
            }
            return violations.size() == before
                    ? Optional.of(new FailingUpdates(Optional.ofNullable(serviceId), instanceUsable))
                    : Optional.empty();
        }
    }
}
