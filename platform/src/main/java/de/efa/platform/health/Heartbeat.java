package de.efa.platform.health;

import java.time.Duration;

/**
 * The pulse of one background loop. A loop that runs all the time beats on every pass; one that only works now and
 * then (a consumer applying a batch) is {@link #busy()} while it works and {@link #idle()} between. A loop that
 * waits for Kafka or a database still beats while it waits, so only a loop that hangs falls silent.
 */
public final class Heartbeat {

    private final String name;
    private final Duration maxSilence;
    private volatile long lastBeat = System.nanoTime();
    private volatile boolean expected;

    Heartbeat(String name, Duration maxSilence, boolean expected) {
        this.name = name;
        this.maxSilence = maxSilence;
        this.expected = expected;
    }

    public void beat() {
        lastBeat = System.nanoTime();
    }

    /** From now on beats are expected, until {@link #idle()}. */
    public void busy() {
        beat();
        expected = true;
    }

    public void idle() {
        expected = false;
    }

    public String name() {
        return name;
    }

    /** How long the loop has been silent while a beat was expected; zero when it is idle or on time. */
    public Duration overdue() {
        if (!expected) {
            return Duration.ZERO;
        }
        Duration silence = Duration.ofNanos(System.nanoTime() - lastBeat);
        return silence.compareTo(maxSilence) > 0 ? silence : Duration.ZERO;
    }
}
