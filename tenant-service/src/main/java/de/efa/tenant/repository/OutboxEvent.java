package de.efa.tenant.repository;

import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox; its id becomes the CloudEvents {@code ce_id}. */
public record OutboxEvent(UUID id, String topic, String key, String type, String payload, Instant createdAt) {
}
