package de.efa.marketplace.mapping;

import de.efa.marketplace.domain.RunStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Reconciliation", description = "One comparison of what the marketplace believes with what the "
        + "brokers hold; its counts are filled in when it has FINISHED")
public record ReconciliationView(
        UUID id,
        @Schema(description = "`schedule`, or the operator who asked", example = "operator 3f2a9c1e")
        String requestedBy,
        @Schema(description = "RUNNING, FINISHED, FAILED (on an error of its own), or ABANDONED (its replica went "
                + "away while it ran)") RunStatus status,
        Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        Counts counts,
        @Schema(description = "The brokers whose instances were not fetched, and why")
        List<SkippedBroker> skippedBrokers,
        @Schema(nullable = true, description = "Why a FAILED run stopped") String failureReason) {

    @Schema(name = "ReconciliationCounts")
    public record Counts(
            @Schema(description = "Live instances, as the marketplace believes", example = "120") int instances,
            @Schema(description = "Fetched and compared", example = "100") int checked,
            @Schema(description = "New findings recorded", example = "2") int findings,
            @Schema(description = "Differences whose finding was open already", example = "1") int known,
            @Schema(description = "Fetched, but the answer said nothing about the instance (no answer, an error, "
                    + "a 422 while the broker worked on it)", example = "3") int inconclusive,
            @Schema(description = "A job of the subscription ran meanwhile, so the answer proved nothing",
                    example = "1") int busy,
            @Schema(description = "Not fetched: at brokers named in skippedBrokers", example = "16") int skipped) {
    }

    @Schema(name = "SkippedBroker")
    public record SkippedBroker(
            @Schema(nullable = true, description = "null when no broker is known for the instances' service",
                    example = "http://localhost:8090") String brokerUrl,
            @Schema(example = "its catalog does not say instances_retrievable") String reason,
            @Schema(example = "16") int instances) {
    }
}
