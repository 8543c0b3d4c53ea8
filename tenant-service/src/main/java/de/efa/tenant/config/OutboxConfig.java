package de.efa.tenant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox relay hands events to Kafka. */
@ConfigMapping(prefix = "efa.outbox")
public interface OutboxConfig {

    /** Events claimed and sent together; a national rollout relays thousands per second this way. */
    @WithDefault("500")
    int batchSize();

    /** How long a claim holds; longer than a send may take, so that two relays never send the same batch. */
    @WithDefault("30s")
    Duration lease();

    /** The relay also runs this often, for events whose wake-up was missed (a restart, Kafka down). */
    @WithDefault("1s")
    Duration interval();

    /** The longest wait for Kafka's acknowledgements of one batch. */
    @WithDefault("20s")
    Duration sendTimeout();
}
