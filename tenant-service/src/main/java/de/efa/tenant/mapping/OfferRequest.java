package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider's offer in answer to an interest. */
@Schema(name = "OfferRequest", description = "The conditions of an offer")
public record OfferRequest(@Schema(required = true) Conditions conditions) {

    /** A price not given keeps the plan's price for this tenant. */
    @Schema(name = "OfferConditions", description = "What the provider offers; a price left out keeps the plan's")
    public record Conditions(
            @Schema(minimum = "0", example = "0") Long setupFeeCents,
            @Schema(minimum = "0", example = "480000") Long annualCents,
            @Schema(format = "date", example = "2027-01-01") String startDate,
            @Schema(required = true, example = "Nachnutzung nach EfA-Mustervertrag, Betrieb ab 1. Januar")
            String note) {
    }
}
