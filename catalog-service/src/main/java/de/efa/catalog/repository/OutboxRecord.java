package de.efa.catalog.repository;

import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox: where it goes, under which key, of which type, with which JSON value. */
public record OutboxRecord(UUID id, String topic, String key, String type, String payload, Instant createdAt) {
}
