package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A provider's answer to an interest: its conditions, who made it, and when. */
@Embeddable
public record Offer(
        @Column(name = "offer_setup_fee_cents") Long setupFeeCents,
        @Column(name = "offer_annual_cents") Long annualCents,
        @Column(name = "offer_start_date") LocalDate startDate,
        @Column(name = "offer_note") String note,
        @Column(name = "offered_at") Instant offeredAt,
        @Column(name = "offered_by") String offeredBy) {

    static Offer of(OfferConditions conditions, String offeredBy, Instant at) {
        return new Offer(conditions.setupFeeCents().orElse(null), conditions.annualCents().orElse(null),
                conditions.startDate().orElse(null), conditions.note(), at, offeredBy);
    }

    public OfferConditions conditions() {
        return new OfferConditions(Optional.ofNullable(setupFeeCents), Optional.ofNullable(annualCents),
                Optional.ofNullable(startDate), note);
    }
}
