package de.efa.platform.paging;

import de.efa.platform.problem.Violations;

import java.util.regex.Pattern;

/**
 * A page of a list: {@code page} from 0, {@code size} from 1 to 100, and no deeper than {@link #MAX_DEPTH} items, so
 * that no number a caller sends makes the database count or skip without bound (docs/http.md).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final long MAX_DEPTH = 100_000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    /**
     * The page that a request's query names, as text: resources take {@code page} and {@code size} as strings, since
     * the framework would answer a value it cannot convert (not a number, or beyond an int) with 404. Answers 400
     * naming each that is no whole number or out of range.
     */
    public static PageRequest parse(String page, String size) {
        Violations violations = new Violations();
        PageRequest request = parse(page, size, violations);
        violations.throwIfAny();
        return request;
    }

    /** As {@link #parse(String, String)}, adding to {@code violations}; null when one of the two is invalid. */
    public static PageRequest parse(String page, String size, Violations violations) {
        Violations numbers = new Violations();
        Integer p = wholeNumber("page", page, numbers);
        Integer s = wholeNumber("size", size, numbers);
        if (numbers.isEmpty()) {
            return of(p, s, violations);
        }
        numbers.list().forEach(violation -> violations.add(violation.field(), violation.message()));
        // The other one is still checked, against the smallest valid stand-in for the one that cannot be read.
        boolean pageRead = p != null || page == null || page.isBlank();
        boolean sizeRead = s != null || size == null || size.isBlank();
        of(pageRead ? p : Integer.valueOf(0), sizeRead ? s : Integer.valueOf(1), violations);
        return null;
    }

    /** The page, or null when {@code page} or {@code size} is out of range, which is added to {@code violations}. */
    private static PageRequest of(Integer page, Integer size, Violations violations) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        boolean valid = true;
        if (p < 0) {
            violations.add("page", "must be 0 or more");
            valid = false;
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add("size", "must be from 1 to " + MAX_SIZE);
            valid = false;
        } else if ((long) p * s > MAX_DEPTH) {
            violations.add("page", "page × size must be at most " + MAX_DEPTH);
            valid = false;
        }
        return valid ? new PageRequest(p, s) : null;
    }

    /**
     * The number, in ASCII digits with an optional sign; null when absent or blank, or when it cannot be read (then
     * the violation is recorded).
     */
    private static Integer wholeNumber(String name, String value, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (!WHOLE_NUMBER.matcher(digits).matches()) {
            violations.add(name, "must be a whole number");
            return null;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            violations.add(name, "is out of range");
            return null;
        }
    }

    /** How many items lie before this page. */
    public int offset() {
        return page * size;
    }
}
