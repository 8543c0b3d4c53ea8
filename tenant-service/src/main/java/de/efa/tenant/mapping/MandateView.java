package de.efa.tenant.mapping;

import de.efa.tenant.domain.Mandate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Mandate", description = "A municipality's mandate for a bundler")
public record MandateView(
        @Schema(example = "14729010") String ags,
        @Schema(example = "kisa") String bundlerId,
        Instant grantedAt,
        @Schema(example = "municipality 14729010") String grantedBy) {

    public static MandateView of(Mandate mandate) {
        return new MandateView(mandate.ags().value(), mandate.bundlerId(), mandate.grantedAt(), mandate.grantedBy());
    }
}
