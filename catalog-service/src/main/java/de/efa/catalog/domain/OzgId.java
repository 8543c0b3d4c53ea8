package de.efa.catalog.domain;

import java.util.regex.Pattern;

/** The number of an OZG-Leistung in the OZG-Umsetzungskatalog, e.g. {@code 10169} for the Führerschein. */
public record OzgId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{0,7}");

    public OzgId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("must be the number of an OZG-Leistung, e.g. 10169");
        }
    }

    public static OzgId of(String value) {
        return new OzgId(value);
    }
}
