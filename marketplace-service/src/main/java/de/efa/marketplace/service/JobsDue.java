package de.efa.marketplace.service;

/** Fired inside a transaction that made jobs due; the dispatcher wakes once it has committed. */
public record JobsDue() {
}
