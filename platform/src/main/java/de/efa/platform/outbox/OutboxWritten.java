package de.efa.platform.outbox;

/** Fired when a transaction has written to the outbox; observed after its commit to wake the relay. */
record OutboxWritten() {
}
