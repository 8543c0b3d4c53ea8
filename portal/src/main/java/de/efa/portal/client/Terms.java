package de.efa.portal.client;

/** A version of a provider's terms of use: where their text is published, and the SHA-256 of exactly that text. */
public record Terms(String version, String url, String sha256) {
}
