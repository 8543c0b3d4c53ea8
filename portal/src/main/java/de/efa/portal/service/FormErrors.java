package de.efa.portal.service;

import de.efa.portal.client.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The errors of a submitted form by field name, in German. A field's name is the JSON path the API reports a
 * violation under ({@code parameters.anschrift.plz}, {@code plans[0].pricing.setupFeeCents}), so each message lands
 * at its own input; the page also lists them all at the top, each linking to its input.
 */
public final class FormErrors {

    /** A message for the whole form rather than one field. */
    public static final String FORM = "";
    /**
     * A violation of one entry of a list ({@code leikaKeys[1]}), which a form shows at the list's input (one entry a
     * line): the message then says which entry.
     */
    private static final Pattern LIST_ENTRY = Pattern.compile("(.+)\\[(\\d+)]");

    private final Map<String, String> byField = new LinkedHashMap<>();
    /** Inputs whose id is not their field's anchor, for the summary to link to. */
    private final Map<String, String> ids = new HashMap<>();

    private FormErrors() {
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(Problem problem) {
        return of(problem, UnaryOperator.identity());
    }

    /**
     * The violations at the inputs {@code place} puts them: a page may show one input for several fields
     * ({@code acceptedTerms} and {@code acceptedTerms.version}, the entries of a list), or none for a field, whose
     * message then goes to the whole form ({@link #FORM}).
     */
    public static FormErrors of(Problem problem, UnaryOperator<String> place) {
        FormErrors errors = new FormErrors();
        for (Problem.Violation violation : problem.violationList()) {
            String field = violation.field();
            String message = ViolationTexts.german(violation.message());
            if (field == null) {
                errors.add(FORM, message);
                continue;
            }
            String input = place.apply(field);
            Matcher entry = LIST_ENTRY.matcher(field);
            errors.add(input, entry.matches() && entry.group(1).equals(input)
                    ? "Eintrag " + (Integer.parseInt(entry.group(2)) + 1) + ": " + message : message);
        }
        return errors;
    }

    /**
     * Adds a message; a second one for the same field is appended, so none is lost, unless it says the same again (a
     * value that is none of a choice's constants breaks each of them).
     */
    public FormErrors add(String field, String message) {
        byField.merge(field, message, (first, second) -> first.contains(second) ? first : first + " " + second);
        return this;
    }

    /**
     * Links the summary's message of a field to an input with an id of its own: one that scripts and bookmarks know
     * by a name older than these anchors.
     */
    public FormErrors shownAt(String field, String id) {
        ids.put(field, id);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public String of(String field) {
        return byField.get(field);
    }

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        byField.forEach((field, message) -> entries.add(new Entry(field, message, ids.getOrDefault(field,
                anchor(field)))));
        return entries;
    }

    /**
     * The HTML id of a field's input: its name without the characters an id selector would trip on,
     * {@code plans[0].pricing.setupFeeCents} becomes {@code f-plans-0-pricing-setupFeeCents}.
     */
    public static String anchor(String field) {
        return ("f-" + field.replaceAll("[^A-Za-z0-9_]+", "-")).replaceAll("-$", "");
    }

    public record Entry(String field, String message, String anchor) {
    }
}
