package de.efa.demoprovider.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OSB last_operation body. */
@Schema(name = "LastOperation")
public record LastOperationAnswer(
        @Schema(enumeration = {"in progress", "succeeded", "failed"}, example = "in progress") String state,
        @Schema(example = "Setting up the demo SaaS instance") String description) {
}
