package de.efa.catalog.domain;

/**
 * Fired in the transaction that changed a service (and wrote its event to the outbox); the caches of search answers
 * and totals observe it after success and forget what the change made stale.
 */
public record ServiceChanged() {
}
