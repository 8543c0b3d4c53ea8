package de.efa.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request, named as the caller wrote it ({@code plans[0].pricing.setupFeeCents}), and why. */
@Schema(name = "Violation", description = "One invalid field and why")
public record Violation(
        @Schema(example = "ags") String field,
        @Schema(example = "must be 8 digits") String message) {
}
