package de.efa.marketplace.domain;

import java.util.regex.Pattern;

/** The two-digit code of a German Land, {@code 01} (Schleswig-Holstein) to {@code 16} (Thüringen). */
public record LandCode(String value) {

    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

    public LandCode {
        if (value == null || !TWO_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("must be two digits, 01 to 16");
        }
        int number = Integer.parseInt(value);
        if (number < 1 || number > 16) {
            throw new IllegalArgumentException("must be a Land code from 01 to 16");
        }
    }

    public static LandCode of(String value) {
        return new LandCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
