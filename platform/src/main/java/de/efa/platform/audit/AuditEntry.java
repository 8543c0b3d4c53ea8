package de.efa.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail, as operators read it. */
@Schema(name = "AuditEntry", description = "Who changed what, when, and with what outcome")
public record AuditEntry(
        @Schema(example = "0f5a3c2e-6b1d-4e8f-9a7c-2d4b6e8f0a1c") UUID id,
        @Schema(description = "When the change was made (the start of its transaction)",
                example = "2026-11-26T10:15:30.123456Z") Instant at,
        @Schema(description = "The token's subject of who acted, or the name of the part of the system that did",
                example = "service-account-provider-akdb") String actor,
        @Schema(description = "The role it acted in: operator, municipality, bundler, provider, marketplace, or "
                + "system", example = "provider") String actorRole,
        @Schema(nullable = true, description = "type:id of whom it acted for, when it acted for another",
                example = "tenant:14713000") String onBehalfOf,
        @Schema(description = "resource.verb", example = "service.publish") String action,
        @Schema(description = "type:id of the resource changed",
                example = "service:5d1c7f0e-8a43-4a49-9c1e-0f3e6c2b7a10") String target,
        @Schema(description = "The resource's new status, or created, updated, deleted", example = "PUBLISHED")
        String outcome,
        @Schema(nullable = true, description = "More about the change, a JSON object")
        JsonNode details) {
}
