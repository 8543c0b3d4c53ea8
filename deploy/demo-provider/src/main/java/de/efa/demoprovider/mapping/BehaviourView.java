package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fault settings as operators read and write them; a misspelt field is refused like anywhere in EfA. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BrokerBehaviour")
public record BehaviourView(
        @JsonProperty("error_rate") @Schema(required = true, minimum = "0", maximum = "1", example = "0.2",
                description = "Share of broker calls answered 500 before anything changes") Double errorRate,
        @JsonProperty("slow_rate") @Schema(required = true, minimum = "0", maximum = "1", example = "0.1",
                description = "Share of broker calls answered only after slow_delay_ms") Double slowRate,
        @JsonProperty("slow_delay_ms") @Schema(required = true, minimum = "0", maximum = "3600000", example = "2000")
        Long slowDelayMs,
        @JsonProperty("provisioning_time_ms") @Schema(required = true, minimum = "0", maximum = "3600000", example = "1000",
                description = "How long an asynchronous provisioning, update or deprovisioning takes") Long provisioningTimeMs,
        @JsonProperty("failing_updates") @Schema(description = "Updates started from now on fail, keeping the old plan,"
                + " parameters and suspension; absent or null: updates succeed") FailingUpdatesView failingUpdates) {
}
