package de.efa.catalog.domain;

/** How search hits are ordered: best match first (the default with a query), by name, or newest first. */
public enum SearchOrder {
    RELEVANCE, NAME, NEWEST
}
