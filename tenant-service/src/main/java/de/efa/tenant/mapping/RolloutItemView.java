package de.efa.tenant.mapping;

import de.efa.tenant.domain.RolloutItem;
import de.efa.tenant.domain.RolloutItemStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "RolloutItem", description = "One tenant of a rollout and how far it got")
public record RolloutItemView(
        @Schema(example = "14713000") String ags,
        @Schema(nullable = true, description = "The tenant's name when the rollout started; none for an AGS that no "
                + "tenant has", example = "Leipzig, Stadt") String tenantName,
        RolloutItemStatus status,
        @Schema(nullable = true, description = "The subscription made for the tenant") UUID subscriptionId,
        @Schema(nullable = true, description = "Why it was SKIPPED (the refusal, or the service's own "
                + "failure it gave up on after several attempts), or why its provisioning FAILED",
                example = "Tenant 14713000 already has a live subscription to service "
                        + "5d1c2a8e-0f3b-4c61-9a57-2b1e7f0c9d41 (one that is not CANCELLED, FAILED, DECLINED, "
                        + "WITHDRAWN or EXPIRED)") String reason) {

    public static RolloutItemView of(RolloutItem item) {
        return new RolloutItemView(item.ags().value(), item.tenantName().orElse(null), item.status(),
                item.subscriptionId().orElse(null), item.reason().orElse(null));
    }
}
