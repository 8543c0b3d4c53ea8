package de.efa.platform.outbox;

/**
 * An operator gave a parked event up for good: its consumers will never get it. Fired synchronously in the discard's
 * transaction, once the event's row is deleted and the discard audited, so that a service can settle what the event
 * was to bring about: what an observer changes commits with the discard, and an observer that fails undoes it.
 */
public record OutgoingEventDiscarded(ParkedEvent event) {
}
