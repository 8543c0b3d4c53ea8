package de.efa.marketplace.service;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of {@code base · 2^(n-1)},
 * capped at {@code max}, so that many jobs failing together do not return to the broker together.
 */
public final class RetryPolicy {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public RetryPolicy(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    public Duration delay(int retry) {
        int exponent = Math.min(Math.max(retry, 1) - 1, 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        long jittered = (long) (ceiling * (0.5 + 0.5 * random.getAsDouble()));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
