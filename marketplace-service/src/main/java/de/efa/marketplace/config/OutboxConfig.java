package de.efa.marketplace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay ({@code efa.outbox.*}). */
@ConfigMapping(prefix = "efa.outbox")
public interface OutboxConfig {

    @WithDefault("200")
    int batchSize();

    /** How long a claimed batch belongs to one relay; must outlast {@link #sendTimeout()}. */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("500ms")
    Duration idlePoll();

    /** How long the relay waits for Kafka's acks before it leaves the batch to a later pass. */
    @WithDefault("40s")
    Duration sendTimeout();

    /** Sent rows are deleted after this. */
    @WithDefault("7d")
    Duration retention();
}
