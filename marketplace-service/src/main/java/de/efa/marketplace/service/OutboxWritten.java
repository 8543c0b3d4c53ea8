package de.efa.marketplace.service;

/** Fired inside a transaction that wrote to the outbox; the relay wakes once it has committed. */
public record OutboxWritten() {
}
