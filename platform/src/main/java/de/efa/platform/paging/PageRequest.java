package de.efa.platform.paging;

import de.efa.platform.problem.Violations;

/**
 * A page of a list: {@code page} from 0, {@code size} from 1 to 100, and no deeper than {@link #MAX_DEPTH} items, so
 * that no number a caller sends makes the database count or skip without bound (docs/http.md).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final long MAX_DEPTH = 100_000;

    /** Answers 400 naming {@code page} or {@code size} when either is out of range. */
    public static PageRequest of(Integer page, Integer size) {
        Violations violations = new Violations();
        PageRequest request = of(page, size, violations);
        violations.throwIfAny();
        return request;
    }

    /**
     * The page, or null when {@code page} or {@code size} is out of range, which is added to {@code violations}: so a
     * request's other parameters can be refused in the same answer.
     */
    public static PageRequest of(Integer page, Integer size, Violations violations) {
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

    /** How many items lie before this page. */
    public int offset() {
        return page * size;
    }
}
