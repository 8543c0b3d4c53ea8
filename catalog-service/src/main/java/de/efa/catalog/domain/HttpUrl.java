package de.efa.catalog.domain;

import java.net.URI;
import java.net.URISyntaxException;

/** An absolute http(s) URL, such as a provider's Open Service Broker base URL. */
public record HttpUrl(String value) {

    public HttpUrl {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("is required");
        }
        if (!isHttp(value) || value.length() > 2000) {
            throw new InvalidValueException("must be an absolute http or https URL, e.g. https://broker.example.de");
        }
    }

    public static HttpUrl of(String value) {
        return new HttpUrl(value);
    }

    private static boolean isHttp(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
