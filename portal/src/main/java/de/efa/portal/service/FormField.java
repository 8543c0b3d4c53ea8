package de.efa.portal.service;

import java.util.List;

/**
 * One input of a form generated from a JSON Schema, or a group of them for a nested object. {@code name} is the
 * form parameter and the JSON path the API reports violations under.
 */
public record FormField(String name, String label, String hint, boolean required, Kind kind, List<Option> options,
                        String value, String error, List<FormField> children) {

    public enum Kind { TEXT, EMAIL, URL, INTEGER, NUMBER, CHOICE, YES_NO, LIST, GROUP }

    /** One choice of a select: what is sent, and what a person reads. */
    public record Option(String value, String label) {
    }

    public String id() {
        return FormErrors.anchor(name);
    }

    public String hintId() {
        return id() + "-hinweis";
    }

    public String errorId() {
        return id() + "-fehler";
    }

    /** The ids an input's {@code aria-describedby} names: its hint and its error, where there are any. */
    public String describedBy() {
        String ids = (hint == null ? "" : hintId()) + (error == null ? "" : " " + errorId());
        return ids.isBlank() ? null : ids.trim();
    }

    public boolean group() {
        return kind == Kind.GROUP;
    }

    public boolean choice() {
        return kind == Kind.CHOICE || kind == Kind.YES_NO;
    }

    public boolean selected(Option option) {
        return option.value().equals(value);
    }

    public boolean list() {
        return kind == Kind.LIST;
    }

    /** The HTML input type of a single-line field. */
    public String inputType() {
        return switch (kind) {
            case EMAIL -> "email";
            case URL -> "url";
            default -> "text";
        };
    }

    /** Digits only on phones' keyboards for whole numbers, without the pitfalls of {@code type=number}. */
    public String inputMode() {
        return switch (kind) {
            case INTEGER -> "numeric";
            case NUMBER -> "decimal";
            default -> null;
        };
    }
}
