package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which updates fail on purpose, and what last_operation then says of the instance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FailingUpdates")
public record FailingUpdatesView(
        @JsonProperty("service_id") @Schema(description = "Only updates of instances of this service fail; without"
                + " it, every update does", example = "5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f") String serviceId,
        @JsonProperty("instance_usable") @Schema(required = true, example = "false", description = "What last_operation"
                + " reports as `instance_usable` of the failed update; false leaves the instance UNUSABLE")
        Boolean instanceUsable) {
}
