package de.efa.marketplace.service;

import de.efa.platform.problem.Violations;

import java.util.UUID;

/** Ids as callers write them in paths and query parameters. */
final class Ids {

    private Ids() {
    }

    /** The UUID; an {@link IllegalArgumentException} saying so when it is none, for {@link Violations#parse}. */
    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID");
        }
    }

    /** The id of a path segment; a 400 naming {@code id} when it is no UUID. */
    static UUID pathId(String value) {
        Violations violations = new Violations();
        UUID id = violations.parse("id", () -> uuid(value));
        violations.throwIfAny();
        return id;
    }
}
