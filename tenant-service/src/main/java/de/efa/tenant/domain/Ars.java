package de.efa.tenant.domain;

import java.util.regex.Pattern;

/**
 * Amtlicher Regionalschlüssel: 12 digits, 2 Land, 1 Regierungsbezirk, 2 Kreis, 4 Gemeindeverband, 3 Gemeinde. It
 * contains the AGS but for the Gemeindeverband, which cannot be derived from the AGS and is taken as given.
 */
public record Ars(String value) {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    public Ars {
        if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 12 digits");
        }
    }

    public static Ars of(String value) {
        return new Ars(value);
    }

    /** Whether Land, Regierungsbezirk, Kreis and Gemeinde are those of the AGS. */
    public boolean belongsTo(Ags ags) {
        return value.substring(0, 5).equals(ags.value().substring(0, 5))
                && value.substring(9, 12).equals(ags.value().substring(5, 8));
    }

    /** @throws IllegalArgumentException naming what the ARS of this AGS looks like */
    public void requireBelongsTo(Ags ags) {
        if (!belongsTo(ags)) {
            throw new IllegalArgumentException("must contain the AGS " + ags + ": " + ags.value().substring(0, 5)
                    + ", the 4 digits of the Gemeindeverband, then " + ags.value().substring(5, 8));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
