package de.efa.portal.web;

import de.efa.portal.client.AcceptedTerms;
import de.efa.portal.client.ServiceException;
import de.efa.portal.service.FormErrors;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Reading submitted forms, and turning a refused submission into messages at the form's inputs. */
final class Forms {

    /** The checkbox that accepts a plan's terms; its value is their version. */
    static final String ACCEPTED_TERMS = "acceptedTerms";

    private Forms() {
    }

    /** The first value of each input; the forms here have one value per name, except checkbox lists. */
    static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }

    /**
     * A refusal with violations puts each at its input; any other refusal (the tenant is not active yet, the service
     * changed meanwhile) is one message for the whole form. Only a refusal is handled here: a service that is down
     * still gets its own page.
     */
    static FormErrors errorsOf(ServiceException e) {
        return errorsOf(e, UnaryOperator.identity());
    }

    /** The same, for a page that shows a field's violation at another input, or at none ({@link FormErrors#of}). */
    static FormErrors errorsOf(ServiceException e, UnaryOperator<String> place) {
        if (e.status() >= 500 || e.status() == 401) {
            throw e;
        }
        FormErrors errors = FormErrors.of(e.problem(), place);
        if (!errors.any()) {
            ErrorPages.ErrorPage page = ErrorPages.pageFor(e);
            errors.add(FormErrors.FORM, page.title() + ". " + page.message() + page.hint());
        }
        return errors;
    }

    /** The box ticked names the version the person read; unticked, nothing is accepted and the service says so. */
    static AcceptedTerms acceptedTerms(Map<String, String> form) {
        String version = form.get(ACCEPTED_TERMS);
        return version == null ? null : new AcceptedTerms(version);
    }

    /** What was typed, trimmed; null for nothing, so that the service hears "not given" rather than "empty". */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A whole number as typed ("226 767" and "226.767" included); a message at the input otherwise. */
    static Long wholeNumber(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.replaceAll("[\\s.]", ""));
        } catch (NumberFormatException e) {
            errors.add(field, "Bitte eine ganze Zahl ohne Nachkommastellen angeben, z. B. 226767.");
            return null;
        }
    }
}
