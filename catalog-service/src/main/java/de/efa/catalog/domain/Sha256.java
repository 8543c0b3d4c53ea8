package de.efa.catalog.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 digest of a document, in hex: what proves later which text of the terms was accepted. Kept in lower
 * case, so that two spellings of one digest compare equal.
 */
public record Sha256(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("is required");
        }
        value = value.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(value).matches()) {
            throw new InvalidValueException("must be the SHA-256 of the document: 64 hexadecimal digits");
        }
    }

    public static Sha256 of(String value) {
        return new Sha256(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }
}
