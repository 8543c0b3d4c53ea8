package de.efa.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem answer, the body of every error a service gives (docs/errors.md lists the types). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; `violations` lists each invalid field")
public record Problem(
        @Schema(example = "https://efa-marketplace.de/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "1 field is invalid") String detail,
        @Schema(example = "/api/v1/tenants") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://efa-marketplace.de/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
