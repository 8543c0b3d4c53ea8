package de.efa.demoprovider.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A request broke the rules of a value; carries every broken rule at once so the caller can fix them together. */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    public List<Violation> violations() {
        return violations;
    }
}
