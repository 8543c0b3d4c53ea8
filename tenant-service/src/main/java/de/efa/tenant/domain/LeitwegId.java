package de.efa.tenant.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Leitweg-ID, the routing address of an XRechnung: a Grobadressierung of 2 to 12 digits, an optional
 * Feinadressierung of 1 to 30 letters and digits, and two check digits by ISO 7064 MOD 97-10 over the whole id
 * without hyphens (letters count A=10 … Z=35), e.g. {@code 04011000-1234512345-06}. Letters are kept upper case.
 */
public record LeitwegId(String value) {

    private static final Pattern SHAPE =
            Pattern.compile("(?<grob>\\d{2,12})(?:-(?<fein>[A-Z0-9]{1,30}))?-(?<check>\\d{2})");
    private static final BigInteger MODULUS = BigInteger.valueOf(97);

    public LeitwegId {
        if (value == null) {
            throw new IllegalArgumentException("must not be blank");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        Matcher parts = SHAPE.matcher(value);
        if (!parts.matches()) {
            throw new IllegalArgumentException("must be 2 to 12 digits, optionally '-' and 1 to 30 letters or digits, "
                    + "then '-' and two check digits, e.g. 04011000-1234512345-06");
        }
        String payload = parts.group("grob") + (parts.group("fein") == null ? "" : parts.group("fein"));
        String expected = checkDigits(payload);
        if (!expected.equals(parts.group("check"))) {
            throw new IllegalArgumentException("has the check digits " + parts.group("check") + ", but ISO 7064 "
                    + "MOD 97-10 gives " + expected + " for " + payload);
        }
    }

    public static LeitwegId of(String value) {
        return new LeitwegId(value);
    }

    /** ISO 7064 MOD 97-10: 98 minus the remainder of the id, letters as numbers, followed by 00. */
    static String checkDigits(String payload) {
        int remainder = numeric(payload + "00").mod(MODULUS).intValue();
        return String.format(Locale.ROOT, "%02d", 98 - remainder);
    }

    private static BigInteger numeric(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
