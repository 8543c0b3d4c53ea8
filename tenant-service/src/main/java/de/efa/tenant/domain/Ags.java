package de.efa.tenant.domain;

import java.util.regex.Pattern;

/**
 * Amtlicher Gemeindeschlüssel: 8 digits, 2 for the Land (01 to 16), 1 Regierungsbezirk, 2 Kreis, 3 Gemeinde
 * ({@code 000} for a Kreis itself).
 */
public record Ags(String value) {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

    public Ags {
        if (value == null || !EIGHT_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 8 digits");
        }
        if (Land.byCode(value.substring(0, 2)).isEmpty()) {
            throw new IllegalArgumentException("must start with a Land code from 01 to 16, not " + value.substring(0, 2));
        }
    }

    public static Ags of(String value) {
        return new Ags(value);
    }

    public Land land() {
        return Land.ofCode(value.substring(0, 2));
    }

    /** A Kreis's own key ends in 000, where a Gemeinde's has its number. */
    public boolean isKreisKey() {
        return value.endsWith("000");
    }

    @Override
    public String toString() {
        return value;
    }
}
