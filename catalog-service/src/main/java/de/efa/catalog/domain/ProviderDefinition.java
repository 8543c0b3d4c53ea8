package de.efa.catalog.domain;

/** What an operator says about a provider, each value already checked by its type. */
public record ProviderDefinition(String name, ProviderKind kind, HttpUrl brokerUrl) {
}
