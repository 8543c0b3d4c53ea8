package de.efa.platform.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * One clock for every timestamp a service writes, in UTC as docs/http.md promises, so that time-dependent rules can be
 * tested with a fixed one. It ticks in microseconds, PostgreSQL's precision: a time answered before it is stored (a
 * 202's {@code createdAt}) is the one every later read returns.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
