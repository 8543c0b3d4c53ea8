package de.efa.demoprovider.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The error body of the Open Service Broker API: an error code in one camel-case word and a description. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OsbError", description = "OSB v2.17 error body; a 410 answer carries an empty object instead")
public record OsbError(
        @Schema(example = "AsyncRequired") String error,
        @Schema(example = "This broker provisions and deprovisions asynchronously; send accepts_incomplete=true")
        String description) {
}
