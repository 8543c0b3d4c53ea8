package de.efa.catalog.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Where a plan's terms are published: an absolute https URL, since a municipality accepts what it read there. Plain
 * http is only taken for this machine, where the local stack's demo provider serves its demo terms.
 */
public record TermsUrl(String value) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final int MAX_LENGTH = 2000;

    public TermsUrl {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("is required");
        }
        if (value.length() > MAX_LENGTH || !isSecure(value)) {
            throw new InvalidValueException("must be an absolute https URL (http only for localhost), "
                    + "e.g. https://www.akdb.de/nutzungsbedingungen/fuehrerschein-2026-01.html");
        }
    }

    public static TermsUrl of(String value) {
        return new TermsUrl(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    private static boolean isSecure(String value) {
        try {
            URI uri = new URI(value);
            String host = uri.getHost();
            return host != null && ("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && LOOPBACK.contains(host.toLowerCase()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
