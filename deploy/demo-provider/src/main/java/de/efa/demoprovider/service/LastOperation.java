package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.OperationState;

import java.time.Duration;
import java.util.Optional;

/**
 * What last_operation reports: for a failed update whether the instance is still usable, and while the operation
 * runs, how long the platform should wait before polling.
 */
public record LastOperation(OperationState state, String description, Optional<Boolean> instanceUsable,
                            Optional<Duration> retryAfter) {
}
