package de.efa.platform.outbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An event the relay gave up on, for operators: Kafka refused the record itself too often. */
@Schema(name = "ParkedEvent", description = "An outgoing event that Kafka refused too often; it waits for an operator")
public record ParkedEvent(
        UUID id,
        @Schema(example = "efa.onboarding.requests.v1") String topic,
        @Schema(example = "0b9f6f2e-8d8c-4c3a-9d5e-1f2a3b4c5d6e") String key,
        @Schema(example = "de.efa.subscription.requested.v1") String type,
        @Schema(example = "5") int attempts,
        @Schema(example = "org.apache.kafka.common.errors.RecordTooLargeException: The message is 2000123 bytes")
        String lastError,
        Instant createdAt,
        Instant parkedAt) {
}
