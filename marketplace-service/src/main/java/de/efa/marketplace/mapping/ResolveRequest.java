package de.efa.marketplace.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an operator resolved a finding. */
@Schema(name = "ResolveFinding")
public record ResolveRequest(
        @Schema(required = true, maxLength = 2000, description = "What was found out or done",
                example = "The provider restored the instance from its backup")
        String note) {
}
