package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of an OSB update request. Fields this broker does not use (maintenance_info and what later versions of
 * OSB add) are ignored, as OSB requires of receivers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "UpdateRequest", description = "OSB v2.17 update request; what it leaves out stays as it is")
public record UpdateBody(
        @JsonProperty("service_id") @Schema(required = true, description = "The service the instance was provisioned"
                + " with", example = "5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f")
        String serviceId,
        @JsonProperty("plan_id") @Schema(description = "The plan to change to; without it the plan stays",
                example = "premium")
        String planId,
        @Schema(description = "Merged into the instance's context. `suspended` (true or false, an extension of this"
                + " marketplace's OSB profile) locks or unlocks the instance; a context-only update changes neither"
                + " plan nor parameters", example = "{\"platform\":\"efa-marketplace\",\"ags\":\"14713000\",\"suspended\":true}")
        JsonNode context,
        @Schema(description = "The whole new configuration, replacing the old one; without it the configuration stays",
                example = "{\"postfach\":\"buergeramt@leipzig.de\"}")
        JsonNode parameters,
        @JsonProperty("previous_values") @Schema(description = "Accepted and not needed: the broker knows what the"
                + " instance holds", example = "{\"plan_id\":\"standard\"}")
        JsonNode previousValues) {
}
