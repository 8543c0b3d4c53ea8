package de.efa.tenant.domain;

import de.efa.platform.problem.ProblemException;

/** A lifecycle step that the current status does not allow (409); the message is safe to show to the caller. */
public class StatusTransitionException extends ProblemException {

    public StatusTransitionException(String message) {
        super(409, "conflict", "Conflict", message);
    }
}
