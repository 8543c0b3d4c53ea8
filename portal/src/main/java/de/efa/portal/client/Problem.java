package de.efa.portal.client;

import java.util.List;

/** The RFC 9457 problem answer every service gives for an error; {@code violations} name each bad field. */
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public record Violation(String field, String message) {
    }

    public List<Violation> violationList() {
        return violations == null ? List.of() : violations;
    }

    /** The last segment of {@code type}, e.g. {@code invalid-parameters}. */
    public String typeSlug() {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }
}
