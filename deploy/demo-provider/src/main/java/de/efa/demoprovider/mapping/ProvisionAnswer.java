package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OSB answer to provisioning: the dashboard at once, and while it runs, the operation to poll. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProvisionResponse")
public record ProvisionAnswer(
        @JsonProperty("dashboard_url") @Schema(example = "http://localhost:8090/dashboard/0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b")
        String dashboardUrl,
        @Schema(description = "Present while provisioning runs (202)", example = "3f0c8b2a-5e1d-4c7a-9b6e-1a2b3c4d5e6f")
        String operation) {
}
