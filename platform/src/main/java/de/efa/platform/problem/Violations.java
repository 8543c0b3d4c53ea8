package de.efa.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every invalid field of a request, so that the caller learns all of them in one answer. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** The value the parser makes of a field, or null when it refuses it (the refusal is recorded). */
    public <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    public void require(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "must not be blank");
        }
    }

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Answers 400 with every violation found so far. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found);
        }
    }
}
