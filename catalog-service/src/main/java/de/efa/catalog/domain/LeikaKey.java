package de.efa.catalog.domain;

import java.util.regex.Pattern;

/** A Leistungsschlüssel of the federal service catalog (LeiKa): exactly 14 digits. */
public record LeikaKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{14}");

    public LeikaKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("must be a LeiKa key of exactly 14 digits, e.g. 99023001012000");
        }
    }

    public static LeikaKey of(String value) {
        return new LeikaKey(value);
    }
}
