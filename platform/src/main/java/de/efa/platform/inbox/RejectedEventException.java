package de.efa.platform.inbox;

/**
 * Thrown while applying an event that can never be applied, whatever is retried; the event is parked with the
 * message as its reason, and the events after it are applied.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
