package de.efa.catalog.domain;

import java.util.regex.Pattern;

/** A two-letter ISO 639-1 language code in which a service can be used: {@code de}, {@code en}. */
public record LanguageCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z]{2}");

    public LanguageCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("must be a two-letter ISO 639-1 language code, e.g. de");
        }
    }

    public static LanguageCode of(String value) {
        return new LanguageCode(value);
    }
}
