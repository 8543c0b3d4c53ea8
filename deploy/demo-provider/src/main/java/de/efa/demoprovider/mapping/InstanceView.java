package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.demoprovider.domain.InstanceState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One instance in the provider's listing, in the broker's own (OSB) field names. */
@Schema(name = "Instance")
public record InstanceView(
        @JsonProperty("instance_id") @Schema(example = "0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b") String instanceId,
        @JsonProperty("provider_id") @Schema(description = "The provider whose broker path the instance was provisioned"
                + " through, the only broker that knows it; null for an instance from before the brokers kept their"
                + " instances apart, which every broker knows", example = "akdb", nullable = true) String providerId,
        @JsonProperty("service_id") @Schema(example = "5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f") String serviceId,
        @JsonProperty("plan_id") @Schema(example = "standard") String planId,
        @Schema(example = "PROVISIONED") InstanceState state,
        @Schema(example = "{\"platform\":\"efa-marketplace\",\"ags\":\"14713000\",\"tenant_name\":\"Leipzig, Stadt\",\"land\":\"14\"}")
        ObjectNode context,
        @Schema(example = "{\"postfach\":\"buergeramt@leipzig.de\"}") ObjectNode parameters,
        @Schema(description = "Locked by the platform: its dashboard answers 423", example = "false") boolean suspended,
        @JsonProperty("dashboard_url") @Schema(example = "http://localhost:8090/dashboard/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b")
        String dashboardUrl,
        @JsonProperty("created_at") @Schema(example = "2026-11-26T10:15:31Z") Instant createdAt,
        @JsonProperty("updated_at") @Schema(example = "2026-11-26T10:15:32Z") Instant updatedAt) {
}
