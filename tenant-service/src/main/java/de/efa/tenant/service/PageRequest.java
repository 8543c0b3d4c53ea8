package de.efa.tenant.service;

/** A page of a list as docs/http.md defines it: {@code page} from 0, {@code size} from 1 to 100. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;

    /** Answers 400 naming {@code page} or {@code size} when either is out of range. */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        Violations violations = new Violations();
        if (p < 0) {
            violations.add("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add("size", "must be from 1 to " + MAX_SIZE);
        }
        violations.throwIfAny();
        return new PageRequest(p, s);
    }
}
