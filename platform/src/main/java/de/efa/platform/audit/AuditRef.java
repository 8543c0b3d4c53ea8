package de.efa.platform.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an audit entry is about, or for whom it was done: a type and an id, written {@code type:id}
 * ({@code service:5d1c7f0e-…}, {@code provider:akdb}, {@code tenant:14713000}). The type is the resource's name in
 * the singular, in lower case with hyphens, so that the entries of one kind of resource can be listed together.
 */
public record AuditRef(String type, String id) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,49}");

    public AuditRef {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("an audit type is 1 to 50 lower-case letters, digits and hyphens, "
                    + "starting with a letter, not '" + type + "'");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an audit reference needs an id");
        }
        if (hasControlCharacters(id)) {
            throw new IllegalArgumentException("an audit reference's id has no control characters");
        }
    }

    /** {@code id} as text: a UUID, a slug, an AGS. */
    public static AuditRef of(String type, Object id) {
        return new AuditRef(type, Objects.toString(id, null));
    }

    /** Reads {@code type:id}; the id may contain colons itself. */
    public static AuditRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("must be type:id");
        }
        return new AuditRef(text.substring(0, colon), text.substring(colon + 1));
    }

    /** No id of this system has one, and PostgreSQL stores no NUL: a filter with one would fail in the database. */
    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static boolean isType(String text) {
        return TYPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
