package de.efa.catalog.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The version of a plan's terms, as a municipality names it when it accepts them: compared as written, so it may
 * not begin or end with white space, and it holds printable characters only.
 */
public record TermsVersion(String value) {

    private static final int MAX_LENGTH = 50;

    public TermsVersion {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH || !value.strip().equals(value)
                || !value.codePoints().allMatch(TermsVersion::isPrintable)) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH
                    + " printable characters without white space at either end, e.g. 2026-01");
        }
    }

    public static TermsVersion of(String value) {
        return new TermsVersion(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    private static boolean isPrintable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
