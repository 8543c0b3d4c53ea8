package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's invoice identity as a whole; a field left out is cleared. */
@Schema(name = "InvoiceAddress", description = "The ARS and the Leitweg-ID (XRechnung) of a tenant")
public record InvoiceAddress(
        @Schema(description = "Amtlicher Regionalschlüssel, 12 digits containing the AGS", example = "147130000000")
        String ars,
        @Schema(description = "Leitweg-ID with ISO 7064 MOD 97-10 check digits", example = "14713000-LEIPZIG-85")
        String leitwegId) {
}
