package de.efa.demoprovider.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list the caller wants: {@code page} from 0, {@code size} 1..100 (default 20), 100,000 items deep at
 * most.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** As deep as the services' lists go (docs/http.md): no number overflows the offset. */
    public static final long MAX_DEPTH = 100_000;

    public PageRequest {
        List<Violation> violations = new ArrayList<>();
        checkRanges(page, size, violations);
        InvalidRequestException.throwIfAny(violations);
    }

    /**
     * From query parameters as the caller wrote them; absent ones take their defaults. Adds what is wrong to
     * {@code violations} and then answers the first page instead.
     */
    static PageRequest parse(String page, String size, List<Violation> violations) {
        int before = violations.size();
        int checkedPage = number("page", page, 0, violations);
        int checkedSize = number("size", size, DEFAULT_SIZE, violations);
        checkRanges(checkedPage, checkedSize, violations);
        return violations.size() == before ? new PageRequest(checkedPage, checkedSize) : new PageRequest(0, DEFAULT_SIZE);
    }

    private static void checkRanges(int page, int size, List<Violation> violations) {
        if (page < 0) {
            violations.add(new Violation("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new Violation("size", "must be between 1 and " + MAX_SIZE));
        } else if ((long) page * size > MAX_DEPTH) {
            violations.add(new Violation("page", "page × size must be at most " + MAX_DEPTH));
        }
    }

    private static int number(String field, String value, int absent, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            violations.add(new Violation(field, "must be a whole number"));
            return absent;
        }
    }

    public int offset() {
        return page * size;
    }
}
