package de.efa.demoprovider.domain;

import java.util.List;

/**
 * The rule OSB leaves open for ids (instance, service, plan): we require a non-empty string of printable
 * characters and cap its length, so that a runaway id is refused instead of being stored, and a control character
 * (PostgreSQL cannot store U+0000 at all) is a bad request rather than a failed insert.
 */
final class Identifiers {

    static final int MAX_LENGTH = 255;

    private Identifiers() {
    }

    static void check(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field, "must be a non-empty string of at most " + MAX_LENGTH
                    + " characters without control characters"));
        }
    }
}
