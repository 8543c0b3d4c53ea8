package de.efa.tenant.mapping;

import de.efa.tenant.domain.Rollout;
import de.efa.tenant.domain.RolloutItemStatus;
import de.efa.tenant.domain.RolloutStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Rollout", description = "One plan rolled out to the tenants of a selection, with its progress")
public record RolloutView(
        UUID id,
        UUID serviceId,
        @Schema(example = "standard") String planId,
        RolloutStatus status,
        RolloutSelection select,
        @Schema(description = "Who ordered it, as histories name them", example = "operator 3f6a1c52")
        String requestedBy,
        Counts counts,
        Instant createdAt,
        @Schema(nullable = true, description = "When its last item became final") Instant finishedAt) {

    @Schema(name = "RolloutCounts", description = "How many items are in each status now; each item counts once")
    public record Counts(
            @Schema(description = "Every item", example = "218") long selected,
            @Schema(description = "Not handled yet", example = "0") long pending,
            @Schema(description = "Subscribed, waiting for provisioning", example = "12") long subscribed,
            @Schema(example = "190") long active,
            @Schema(description = "Interessenbekundungen, for a plan with INTEREST", example = "0")
            long interestDeclared,
            @Schema(example = "1") long failed,
            @Schema(example = "15") long skipped) {

        public static Counts of(Map<RolloutItemStatus, Long> byStatus) {
            return new Counts(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                    byStatus.getOrDefault(RolloutItemStatus.PENDING, 0L),
                    byStatus.getOrDefault(RolloutItemStatus.SUBSCRIBED, 0L),
                    byStatus.getOrDefault(RolloutItemStatus.ACTIVE, 0L),
                    byStatus.getOrDefault(RolloutItemStatus.INTEREST_DECLARED, 0L),
                    byStatus.getOrDefault(RolloutItemStatus.FAILED, 0L),
                    byStatus.getOrDefault(RolloutItemStatus.SKIPPED, 0L));
        }
    }

    public static RolloutView of(Rollout rollout, RolloutSelection select, Map<RolloutItemStatus, Long> counts) {
        return new RolloutView(rollout.id(), rollout.serviceId(), rollout.planId(), rollout.status(), select,
                rollout.requester().describedAs(), Counts.of(counts), rollout.createdAt(),
                rollout.finishedAt().orElse(null));
    }
}
