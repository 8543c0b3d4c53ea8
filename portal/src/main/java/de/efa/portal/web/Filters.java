package de.efa.portal.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** What the filter forms of the lists have in common: reading what was typed, and linking to their other pages. */
final class Filters {

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

    /** The page number a form sent back with a step taken on that page; none, or none that is a number, is the first. */
    static int page(String number) {
        try {
            return number == null ? 0 : Math.max(0, Integer.parseInt(number));
        } catch (NumberFormatException e) {
            return 0;
        }
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
