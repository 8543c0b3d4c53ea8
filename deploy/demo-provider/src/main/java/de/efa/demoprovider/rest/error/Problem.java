package de.efa.demoprovider.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.demoprovider.domain.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem answer: the error body of the provider's own endpoints outside the broker API. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; `violations` lists each invalid field")
public record Problem(
        @Schema(example = "https://efa-marketplace.de/problems/bad-request") URI type,
        @Schema(example = "Bad Request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "size: must be between 1 and 100") String detail,
        @Schema(example = "/instances") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
