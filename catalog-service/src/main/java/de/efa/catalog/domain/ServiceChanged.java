package de.efa.catalog.domain;

/**
 * Fired in the transaction that changed a service (and wrote its event to the outbox); observers that act on
 * the commit (the outbox relay, the cache of search totals) observe it after success.
 */
public record ServiceChanged() {
}
