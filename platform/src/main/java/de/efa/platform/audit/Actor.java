package de.efa.platform.audit;

import de.efa.platform.security.Caller;

import java.util.Objects;

/**
 * Who an audit entry says acted: a person or API client by its token's subject and the role it acted in, or a part
 * of the system itself when no one did (role {@value #SYSTEM_ROLE}, e.g. a scheduler, an event handler, the demo
 * data); and, where it acted for someone else, on whose behalf (the municipality a bundler or an operator ordered
 * for).
 */
public record Actor(String id, String role, AuditRef onBehalfOf) {

    public static final String SYSTEM_ROLE = "system";

    public Actor {
        if (id == null || id.isBlank() || role == null || role.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id and a role");
        }
    }

    /** The caller of a request, in the role it acted in ({@link Caller#actingRole()}). */
    public static Actor of(Caller caller) {
        if (caller.subject() == null) {
            throw new IllegalArgumentException("an anonymous caller changes nothing, so it is never an actor");
        }
        return new Actor(caller.subject(), caller.actingRole(), null);
    }

    /** A part of the system acting on its own, by a name that says which: {@code subscription-expiry}. */
    public static Actor system(String name) {
        return new Actor(name, SYSTEM_ROLE, null);
    }

    /** The same actor, acting for another: {@code actor.onBehalfOf(AuditRef.of("tenant", ags))}. */
    public Actor onBehalfOf(AuditRef whom) {
        return new Actor(id, role, Objects.requireNonNull(whom, "on whose behalf"));
    }
}
