package de.efa.tenant.domain;

/** A version of a provider's terms of use: where the document is, and the SHA-256 of exactly that document. */
public record Terms(String version, String url, String sha256) {

    public Terms {
        if (version == null || version.isBlank() || url == null || url.isBlank() || sha256 == null
                || sha256.isBlank()) {
            throw new IllegalArgumentException("terms need a version, a url and a sha256");
        }
    }
}
