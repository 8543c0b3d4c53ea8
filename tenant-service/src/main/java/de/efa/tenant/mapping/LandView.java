package de.efa.tenant.mapping;

import de.efa.tenant.domain.Land;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Land", description = "The Land of a tenant, derived from the first two digits of its AGS")
public record LandView(
        @Schema(example = "14") String code,
        @Schema(example = "Sachsen") String name) {

    public static LandView of(Land land) {
        return new LandView(land.code(), land.germanName());
    }
}
