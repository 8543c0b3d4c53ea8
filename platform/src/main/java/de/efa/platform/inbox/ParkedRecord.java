package de.efa.platform.inbox;

import de.efa.platform.events.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A received record that could not be applied, as it came, and why; it waits for an operator. */
@Schema(name = "ParkedRecord", description = "A received record that could not be applied, and why")
public record ParkedRecord(
        UUID id,
        @Schema(example = "efa.onboarding.results.v1") String topic,
        @Schema(example = "2") int partition,
        @Schema(example = "4711") long offset,
        @Schema(example = "0b9f6f2e-8d8c-4c3a-9d5e-1f2a3b4c5d6e") String key,
        @Schema(description = "The record's value; a NUL character is shown as U+FFFD") String value,
        List<Header> headers,
        @Schema(example = "'subscriptionId' is missing") String reason,
        Instant parkedAt) {
}
