package de.efa.demoprovider.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which instances a listing shows. Without a state it shows the live ones (every state but DELETED); the other
 * criteria narrow it down, e.g. to one tenant's instances of one service.
 */
public record InstanceFilter(Optional<InstanceState> state, Optional<String> ags, Optional<String> serviceId,
                             Optional<String> planId) {

    /** From query parameters as the caller wrote them; adds what is wrong to {@code violations}. */
    static InstanceFilter parse(String state, String ags, String serviceId, String planId,
                                List<Violation> violations) {
        return new InstanceFilter(state(state, violations), present("ags", ags, violations),
                present("service_id", serviceId, violations), present("plan_id", planId, violations));
    }

    private static Optional<InstanceState> state(String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InstanceState.valueOf(value));
        } catch (IllegalArgumentException unknown) {
            violations.add(new Violation("state", "must be one of " + Arrays.stream(InstanceState.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return Optional.empty();
        }
    }

    private static Optional<String> present(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Identifiers.check(field, value, violations);
        return Optional.of(value);
    }
}
