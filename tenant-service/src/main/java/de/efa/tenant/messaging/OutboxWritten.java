package de.efa.tenant.messaging;

/** Fired when a transaction has written to the outbox; observed after commit to wake the relay. */
public record OutboxWritten() {
}
