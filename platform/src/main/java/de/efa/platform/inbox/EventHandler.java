package de.efa.platform.inbox;

import java.util.List;
import java.util.Optional;

/**
 * What a service does with the events of one topic; {@link EventInbox} does the rest alike for every consumer:
 * reading headers, skipping unknown types, dropping duplicates, transactions, retries and parking.
 *
 * @param <T> an event as the service reads it
 */
public interface EventHandler<T> {

    /** Its name, the types it applies, and how the inbox treats its records. */
    Consumption consumption();

    /** Reads one event of a known type; one that cannot be read is parked with the reason given. */
    T read(InboundEvent event) throws UnreadableEventException;

    /**
     * Applies new events, in the order they came, inside the inbox's transaction. A single event that can never be
     * applied throws {@link RejectedEventException}; any other failure is retried.
     */
    void apply(List<T> events);

    /**
     * What a record without a value means here; empty (the default) skips it. A consumer of a topic where a record
     * without a value is a mistake throws {@link UnreadableEventException}, and the record is parked.
     */
    default Optional<T> tombstone(InboundEvent event) throws UnreadableEventException {
        return Optional.empty();
    }
}
