package de.efa.marketplace.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem answer, the body of every error this service gives. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; `violations` lists each invalid field")
public record Problem(
        @Schema(example = "https://efa-marketplace.de/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(example = "/api/v1/services") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://efa-marketplace.de/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    @Schema(name = "Violation", description = "One invalid field and why")
    public record Violation(
            @Schema(example = "leikaKeys[0]") String field,
            @Schema(example = "must be 14 digits") String message) {
    }
}
