package de.efa.platform.inbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a service does with the events of one topic; {@link EventInbox} does the rest alike for every consumer:
 * reading headers, skipping unknown types, dropping duplicates, transactions, retries and parking.
 *
 * @param <T> an event as the service reads it
 */
public interface EventHandler<T> {

    /** A name for logs, metrics and the liveness check: {@code results}. */
    String name();

    /** The CloudEvents types this consumer applies; records of other types are skipped (logged and counted). */
    Set<String> types();

    /** Reads one event of a known type; one that cannot be read is parked with the reason given. */
    T read(InboundEvent event) throws UnreadableEventException;

    /**
     * Applies new events, in the order they came, inside the inbox's transaction. A single event that can never be
     * applied throws {@link RejectedEventException}; any other failure is retried.
     */
    void apply(List<T> events);

    /**
     * Whether the ids of applied events are recorded in the same transaction, so that a redelivered event changes
     * nothing. A consumer whose effect is idempotent by itself (a copy of a compacted topic kept by version, which
     * must be rebuildable from the topic) answers false.
     */
    default boolean deduplicates() {
        return true;
    }

    /** A topic that gets each parked record as it came, with a {@code dlq_reason} header. */
    default Optional<String> deadLetterTopic() {
        return Optional.empty();
    }

    /**
     * What a record without a value means here; empty (the default) skips it. A consumer of a topic where a record
     * without a value is a mistake throws {@link UnreadableEventException}, and the record is parked.
     */
    default Optional<T> tombstone(InboundEvent event) throws UnreadableEventException {
        return Optional.empty();
    }

    /** Unique constraints whose violation only says that the event's effect is already there. */
    default Set<String> alreadyAppliedConstraints() {
        return Set.of();
    }
}
