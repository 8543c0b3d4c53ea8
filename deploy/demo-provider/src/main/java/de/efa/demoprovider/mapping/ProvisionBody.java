package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of an OSB provisioning request. Fields this broker does not use (organization_guid, space_guid,
 * maintenance_info, extensions) are ignored, as OSB requires of receivers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ProvisionRequest", description = "OSB v2.17 provisioning request")
public record ProvisionBody(
        @JsonProperty("service_id") @Schema(required = true, example = "5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f")
        String serviceId,
        @JsonProperty("plan_id") @Schema(required = true, example = "standard")
        String planId,
        @Schema(description = "Who the instance is for", example =
                "{\"platform\":\"efa-marketplace\",\"ags\":\"14713000\",\"tenant_name\":\"Leipzig, Stadt\",\"land\":\"14\"}")
        JsonNode context,
        @Schema(description = "The tenant's configuration of the service", example = "{\"postfach\":\"buergeramt@leipzig.de\"}")
        JsonNode parameters) {
}
