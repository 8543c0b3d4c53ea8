package de.efa.catalog.domain;

/** Free text a caller writes: trimmed, whole characters, and bounded so that nobody stores a novel in a name. */
public final class Text {

    private Text() {
    }

    public static String required(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("is required");
        }
        return optional(value, maxLength);
    }

    public static String optional(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw new InvalidValueException("must be at most " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException("must not contain control characters");
        }
        // A JSON escape can carry half a character, which UTF-8 cannot encode: the driver would store "?" instead.
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidValueException(
                    "must not contain half of a character (an unpaired surrogate such as \\ud800)");
        }
        return text;
    }
}
