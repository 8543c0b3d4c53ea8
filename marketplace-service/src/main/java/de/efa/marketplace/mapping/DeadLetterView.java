package de.efa.marketplace.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "DeadLetter", description = "A record that could not be read, and why")
public record DeadLetterView(
        UUID id,
        @Schema(example = "efa.onboarding.requests.v1") String topic,
        int partition,
        long offset,
        @Schema(nullable = true) String key,
        @Schema(nullable = true, example = "not json") String value,
        List<HeaderView> headers,
        @Schema(example = "the value is not JSON") String reason,
        Instant receivedAt) {

    @Schema(name = "RecordHeader")
    public record HeaderView(@Schema(example = "ce_type") String name, @Schema(nullable = true) String value) {
    }
}
