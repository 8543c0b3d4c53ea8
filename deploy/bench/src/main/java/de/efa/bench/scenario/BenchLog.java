package de.efa.bench.scenario;

import java.time.Duration;
import java.time.Instant;

/** Progress on the console, each line with the seconds since the scenario started. */
public final class BenchLog {

    private final Instant started = Instant.now();

    public void info(String format, Object... args) {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        System.out.printf("[%7.1f s] %s%n", seconds, String.format(format, args));
    }
}
