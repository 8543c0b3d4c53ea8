package de.efa.catalog.mapping;

import de.efa.catalog.domain.InvalidValueException;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.platform.problem.Violations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fields of a request read into the catalog's value types, noting every rule a value breaks (a parameter schema
 * may break several at once) and each bad element of a list, so that the caller learns every mistake in one answer.
 */
final class Fields {

    private final Violations violations = new Violations();

    /** The value that {@code parse} makes, or {@code null} after noting why it could not. */
    <T> T check(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            e.messages().forEach(message -> violations.add(field, message));
            return null;
        }
    }

    /** Each element parsed, noting the invalid ones as {@code field[i]}; an absent list counts as empty. */
    <R> List<R> eachOf(String field, List<String> values, Function<String, R> parse) {
        List<R> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            R element = check(field + "[" + i + "]", () -> parse.apply(value));
            if (element != null) {
                if (parsed.contains(element)) {
                    add(field + "[" + i + "]", "appears more than once");
                } else {
                    parsed.add(element);
                }
            }
        }
        return parsed;
    }

    /** A request without a body has nothing else to check. */
    static void requireBody(Object body, String what) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("", what + " is required as the body")));
        }
    }

    void add(String field, String message) {
        violations.add(field, message);
    }

    /** The page the query names, or {@code null} after noting why it could not be read. */
    PageRequest page(String page, String size) {
        return PageRequest.parse(page, size, violations);
    }

    /** Notes what a check of the platform refused, so that it is answered together with the rest. */
    void addAll(List<Violation> refused) {
        refused.forEach(violation -> add(violation.field(), violation.message()));
    }

    /** Throws the 400 problem listing every violation, if there is any. */
    void throwIfAny() {
        violations.throwIfAny();
    }
}
