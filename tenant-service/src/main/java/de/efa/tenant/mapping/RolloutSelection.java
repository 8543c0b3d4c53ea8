package de.efa.tenant.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Which tenants a rollout is for; the fields given must all hold. Answered as it was sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RolloutSelection", description = "The tenants a rollout is for: each field given must hold (AND); "
        + "at least one must be given")
public record RolloutSelection(
        @Schema(description = "Every tenant; operators only", example = "true") Boolean all,
        @Schema(description = "The tenants of one Land, by its two-digit code", example = "14") String land,
        @Schema(description = "The tenants of one Kreis: the first 5 digits of their AGS", example = "14713")
        String kreis,
        @Schema(description = "These AGS", maxItems = 16384, example = "[\"14713000\"]") List<String> ags,
        @Schema(description = "The clients of this bundler: municipalities that gave it a mandate", example = "kisa")
        String clientsOf) {

    /** Whether no field selects anything. */
    public boolean namesNothing() {
        return !Boolean.TRUE.equals(all) && land == null && kreis == null && (ags == null || ags.isEmpty())
                && clientsOf == null;
    }
}
