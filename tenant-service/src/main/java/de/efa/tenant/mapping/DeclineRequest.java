package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider declines an interest, saying why. */
@Schema(name = "DeclineRequest", description = "Why the interest is declined")
public record DeclineRequest(
        @Schema(required = true, example = "Der Dienst wird in Ihrem Land noch nicht betrieben") String reason) {
}
