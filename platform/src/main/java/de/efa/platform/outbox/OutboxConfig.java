package de.efa.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The transactional outbox and its relay ({@code efa.outbox.*}). */
@ConfigMapping(prefix = "efa.outbox")
public interface OutboxConfig {

    /** Events claimed and sent in one pass. */
    @WithDefault("500")
    int batchSize();

    /** How long a claimed batch belongs to one relay; it must outlast {@link #maxBlock()} plus {@link #sendTimeout()}. */
    @WithDefault("60s")
    Duration lease();

    /** How often the relay looks for events besides being woken after each commit that wrote one. */
    @WithDefault("500ms")
    Duration idlePoll();

    /** How long the relay waits for Kafka's acknowledgements (the producer's delivery timeout). */
    @WithDefault("20s")
    Duration sendTimeout();

    /** How long a send may wait for metadata or buffer space while Kafka is away (the producer's max.block.ms). */
    @WithDefault("5s")
    Duration maxBlock();

    /**
     * Refusals of the record itself (or of its missing topic, while Kafka takes other events) after which a row is
     * parked for an operator; an outage of Kafka, or Kafka refusing the service (login, ACLs), counts none.
     */
    @WithDefault("10")
    int maxAttempts();

    /** The largest event (key, value and headers) a service may write; Kafka's own limit is 1 MiB. */
    @WithDefault("1000000")
    int maxEventBytes();

    /** How long sent events and the ids of processed events are kept. */
    @WithDefault("7d")
    Duration retention();
}
