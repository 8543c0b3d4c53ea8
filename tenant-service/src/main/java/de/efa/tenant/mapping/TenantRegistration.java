package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a registration; every field is checked in the service so that all problems come in one answer. */
@Schema(name = "TenantRegistration", description = "A municipality or Landkreis to register")
public record TenantRegistration(
        @Schema(required = true, example = "15002000", description = "Amtlicher Gemeindeschlüssel, 8 digits")
        String ags,
        @Schema(required = true, example = "Halle (Saale), Stadt") String name,
        @Schema(required = true, enumeration = {"GEMEINDE", "STADT", "KREISFREIE_STADT", "LANDKREIS",
                "VERBANDSGEMEINDE"}, example = "KREISFREIE_STADT") String kind,
        @Schema(required = true, minimum = "0", maximum = "100000000", example = "226767") Long population,
        @Schema(required = true, example = "onlinedienste@halle.example") String contactEmail,
        @Schema(description = "Amtlicher Regionalschlüssel, 12 digits containing the AGS; optional",
                example = "150020000000") String ars,
        @Schema(description = "Leitweg-ID of the XRechnung, with ISO 7064 MOD 97-10 check digits; optional, needed "
                + "for plans with a contract", example = "15002000-HALLE-15") String leitwegId) {
}
