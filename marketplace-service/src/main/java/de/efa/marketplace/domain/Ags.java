package de.efa.marketplace.domain;

import java.util.regex.Pattern;

/**
 * Amtlicher Gemeindeschlüssel: 8 digits, the first two the Land (01–16), then Regierungsbezirk, Kreis and
 * Gemeinde.
 */
public record Ags(String value) {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

    public Ags {
        if (value == null || !EIGHT_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 8 digits");
        }
        try {
            LandCode.of(value.substring(0, 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must start with a Land code from 01 to 16");
        }
    }

    public static Ags of(String value) {
        return new Ags(value);
    }

    public LandCode land() {
        return LandCode.of(value.substring(0, 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
