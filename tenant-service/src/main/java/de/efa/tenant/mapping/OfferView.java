package de.efa.tenant.mapping;

import de.efa.tenant.domain.Offer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "Offer", description = "A provider's offer; a price it leaves out is the plan's")
public record OfferView(
        @Schema(nullable = true, example = "0") Long setupFeeCents,
        @Schema(nullable = true, example = "480000") Long annualCents,
        @Schema(nullable = true, example = "2027-01-01") LocalDate startDate,
        @Schema(example = "Nachnutzung nach EfA-Mustervertrag, Betrieb ab 1. Januar") String note,
        Instant offeredAt,
        @Schema(example = "provider akdb") String offeredBy) {

    static OfferView of(Offer offer) {
        return new OfferView(offer.setupFeeCents(), offer.annualCents(), offer.startDate(), offer.note(),
                offer.offeredAt(), offer.offeredBy());
    }
}
