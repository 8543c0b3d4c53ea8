package de.efa.catalog.domain;

/** Where a service stands in its life: only PUBLISHED ones are offered to municipalities. */
public enum ServiceStatus {
    DRAFT, PUBLISHED, DEPRECATED, RETIRED
}
