package de.efa.catalog.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at PostgreSQL's precision, so that what we answer equals what we store and publish. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
