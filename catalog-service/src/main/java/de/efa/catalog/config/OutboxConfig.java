package de.efa.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox relay hands events to Kafka. */
@ConfigMapping(prefix = "efa.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events besides being woken after each commit; it retries held-back events. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Events claimed and sent in one round. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long a claim holds before another replica may take the events over. It must outlive a send: the
     * producer gives up after {@link #maxBlock()} plus {@link #deliveryTimeout()}.
     */
    @WithDefault("90s")
    Duration lease();

    /** How long the producer keeps retrying a record (Kafka's delivery.timeout.ms). */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** How long one request to the broker may take (Kafka's request.timeout.ms). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a send may wait for metadata or buffer space (Kafka's max.block.ms). */
    @WithDefault("10s")
    Duration maxBlock();

    /** How long sent events stay in the table, for looking into what went out. */
    @WithDefault("7d")
    Duration retention();
}
