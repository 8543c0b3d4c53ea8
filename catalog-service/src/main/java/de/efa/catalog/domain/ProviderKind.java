package de.efa.catalog.domain;

/** Who builds and runs EfA services: a Land, a municipal IT service provider, or the federation. */
public enum ProviderKind {
    LAND, KOMMUNALER_IT_DIENSTLEISTER, BUND
}
