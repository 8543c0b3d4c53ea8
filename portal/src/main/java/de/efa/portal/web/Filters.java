package de.efa.portal.web;

import de.efa.portal.client.Page;
import io.quarkus.qute.TemplateExtension;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/** What the filter forms of the lists have in common: reading what was typed, and linking to their other pages. */
final class Filters {

    /** How deep the services page a list: {@code page × size} at most this (docs/http.md). */
    private static final int DEEPEST_ITEM = 100_000;

    private Filters() {
    }

    /** A filter left empty filters nothing. */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A link with the filters that are given: {@code /betrieb/protokoll/tenant-service.csv?actor=a%2Fb}. */
    static String link(String path, String... namesAndValues) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.length() == 0 ? path : path + "?" + query;
    }

    /** The link to a page of a filtered list, up to the page number: {@code /betrieb/auftraege?status=FAILED&seite=}. */
    static String pageBase(String path, String... namesAndValues) {
        String link = link(path, namesAndValues);
        return link + (link.contains("?") ? "&" : "?") + "seite=";
    }

    /**
     * The page number of a list's address, or of a form sent back with a step taken on that page, as text: the
     * framework would answer one it cannot convert with its 404 page. None, or none that is a whole number, is the
     * first page; one deeper than the services serve (their items past the {@value #DEEPEST_ITEM}th) is the deepest
     * they serve, as they would refuse it.
     */
    static int page(String number, int size) {
        int deepest = DEEPEST_ITEM / size;
        try {
            BigInteger asked = number == null ? BigInteger.ZERO : new BigInteger(number.strip());
            return asked.max(BigInteger.ZERO).min(BigInteger.valueOf(deepest)).intValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The page asked for, or the last one when it is past the end: a step that took the only entry of the last page
     * off the list (an approval under "waiting", a revocation) comes back to that page, which would then say the list
     * were empty and offer no way back.
     */
    static <T> Page<T> within(int page, IntFunction<Page<T>> fetch) {
        Page<T> asked = fetch.apply(Math.max(0, page));
        if (asked.items().isEmpty() && asked.page() > 0 && asked.total() > 0 && asked.size() > 0) {
            return fetch.apply((int) Math.min(asked.page() - 1L, (asked.total() - 1) / asked.size()));
        }
        return asked;
    }

    /**
     * A value as one segment of a link's path, for the pages too ({@code {mandate.bundlerId.segment}}): a space, a
     * slash or an umlaut would otherwise change which path the link names.
     */
    @TemplateExtension
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
