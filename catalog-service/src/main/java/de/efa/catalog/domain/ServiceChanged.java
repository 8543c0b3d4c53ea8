package de.efa.catalog.messaging;

/** Fired when a transaction wrote to the outbox, so that the relay wakes once it has committed. */
public record OutboxWritten() {
}
