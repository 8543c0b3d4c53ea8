package de.efa.catalog.domain;

import java.util.regex.Pattern;

/** A lower-case, hyphenated identifier that reads well in a URL: {@code fuehrerschein-digital}. */
public record Slug(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 80;

    public Slug {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("is required");
        }
        if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("must be lower-case letters, digits and single hyphens (at most "
                    + MAX_LENGTH + " characters), e.g. fuehrerschein-digital");
        }
    }

    public static Slug of(String value) {
        return new Slug(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
