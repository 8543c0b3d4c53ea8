package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OSB last_operation body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LastOperation")
public record LastOperationAnswer(
        @Schema(enumeration = {"in progress", "succeeded", "failed"}, example = "in progress") String state,
        @Schema(example = "Setting up the demo SaaS instance") String description,
        @JsonProperty("instance_usable") @Schema(description = "Only for a failed update: whether the instance can"
                + " still be used", example = "false") Boolean instanceUsable) {
}
