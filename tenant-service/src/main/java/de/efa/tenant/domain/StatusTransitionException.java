package de.efa.tenant.domain;

/** A lifecycle step that the current status does not allow; the message is safe to show to the caller. */
public class StatusTransitionException extends RuntimeException {

    public StatusTransitionException(String message) {
        super(message);
    }
}
