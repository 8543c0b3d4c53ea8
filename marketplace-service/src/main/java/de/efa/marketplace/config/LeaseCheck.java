package de.efa.marketplace.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Stops the start when a job's lease could run out while its worker still waits for the token, a place at the broker,
 * the lookup of the broker's host and the broker's answer: another worker would then take the job over and call the
 * broker a second time for the same step.
 */
@Startup
@ApplicationScoped
public class LeaseCheck {

    public LeaseCheck(ProvisioningConfig config) {
        problem(config.lease(), config.tokenTimeout(), config.brokerBusyWait(), config.lookupTimeout(),
                config.requestTimeout(), config.leaseMargin())
                .ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
    }

    /** Why these settings are refused; empty when the lease outlasts the longest step. */
    public static Optional<String> problem(Duration lease, Duration tokenTimeout, Duration busyWait,
                                           Duration lookupTimeout, Duration requestTimeout, Duration margin) {
        Duration longestStep = tokenTimeout.plus(busyWait).plus(lookupTimeout).plus(requestTimeout).plus(margin);
        if (lease.compareTo(longestStep) > 0) {
            return Optional.empty();
        }
        return Optional.of("efa.provisioning.lease (" + lease + ") must be longer than the longest step of a job: "
                + "token-timeout (" + tokenTimeout + ") + broker-busy-wait (" + busyWait + ") + lookup-timeout ("
                + lookupTimeout + ") + request-timeout (" + requestTimeout + ") + lease-margin (" + margin + ") = "
                + longestStep);
    }
}
