package de.efa.demoprovider.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the demo provider misbehaves on purpose, for fault tests: the share of broker calls answered 500, the share
 * answered slowly and how slowly, how long an asynchronous operation takes, and whether updates fail.
 */
public record BrokerBehaviour(double errorRate, double slowRate, Duration slowDelay, Duration provisioningTime,
                              Optional<FailingUpdates> failingUpdates) {

    private static final Duration LONGEST = Duration.ofHours(1);

    public BrokerBehaviour {
        Objects.requireNonNull(failingUpdates);
        List<Violation> violations = new ArrayList<>();
        checkRanges(errorRate, slowRate, slowDelay, provisioningTime, violations);
        InvalidRequestException.throwIfAny(violations);
    }

    /** From the fields of a request, any of which may be missing; without {@code failingUpdates}, updates succeed. */
    public static BrokerBehaviour of(Double errorRate, Double slowRate, Long slowDelayMs, Long provisioningTimeMs,
                                     Optional<FailingUpdates.Fields> failingUpdates) {
        List<Violation> violations = new ArrayList<>();
        required("error_rate", errorRate, violations);
        required("slow_rate", slowRate, violations);
        required("slow_delay_ms", slowDelayMs, violations);
        required("provisioning_time_ms", provisioningTimeMs, violations);
        if (violations.isEmpty()) {
            checkRanges(errorRate, slowRate, Duration.ofMillis(slowDelayMs), Duration.ofMillis(provisioningTimeMs),
                    violations);
        }
        Optional<FailingUpdates> checkedFailingUpdates = failingUpdates.flatMap(fields -> fields.check(violations));
        InvalidRequestException.throwIfAny(violations);
        return new BrokerBehaviour(errorRate, slowRate, Duration.ofMillis(slowDelayMs),
                Duration.ofMillis(provisioningTimeMs), checkedFailingUpdates);
    }

    /** Whether and how an update of an instance of this service that starts now fails. */
    public Optional<FailingUpdates> failingUpdatesOf(String serviceId) {
        return failingUpdates.filter(failing -> failing.appliesTo(serviceId));
    }

    private static void required(String field, Object value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        }
    }

    private static void checkRanges(double errorRate, double slowRate, Duration slowDelay, Duration provisioningTime,
                                    List<Violation> violations) {
        checkShare("error_rate", errorRate, violations);
        checkShare("slow_rate", slowRate, violations);
        checkDuration("slow_delay_ms", slowDelay, violations);
        checkDuration("provisioning_time_ms", provisioningTime, violations);
    }

    private static void checkShare(String field, double share, List<Violation> violations) {
        if (!(share >= 0.0 && share <= 1.0)) {
            violations.add(new Violation(field, "must be a share between 0.0 and 1.0"));
        }
    }

    private static void checkDuration(String field, Duration duration, List<Violation> violations) {
        if (duration == null || duration.isNegative() || duration.compareTo(LONGEST) > 0) {
            violations.add(new Violation(field, "must be between 0 and " + LONGEST.toMillis() + " milliseconds"));
        }
    }
}
