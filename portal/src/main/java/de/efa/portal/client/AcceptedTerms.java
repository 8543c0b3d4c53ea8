package de.efa.portal.client;

/** The version of the terms a municipality, or its bundler, accepts in the municipality's name. */
public record AcceptedTerms(String version) {
}
