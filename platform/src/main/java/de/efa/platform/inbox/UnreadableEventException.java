package de.efa.platform.inbox;

/** A record that cannot be read as the event its type names; the message says why and goes with it when parked. */
public class UnreadableEventException extends Exception {

    public UnreadableEventException(String reason) {
        super(reason, null, false, false);
    }
}
