package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OSB answer to fetching a provisioned instance, with this marketplace's extension {@code suspended}. */
@Schema(name = "FetchedInstance")
public record FetchedInstance(
        @JsonProperty("service_id") @Schema(example = "5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f") String serviceId,
        @JsonProperty("plan_id") @Schema(example = "standard") String planId,
        @JsonProperty("dashboard_url") @Schema(example = "http://localhost:8090/dashboard/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b")
        String dashboardUrl,
        @Schema(example = "{\"postfach\":\"buergeramt@leipzig.de\"}") ObjectNode parameters,
        @Schema(description = "Whether the platform has locked the instance (extension of this marketplace's OSB"
                + " profile)", example = "false") boolean suspended) {
}
