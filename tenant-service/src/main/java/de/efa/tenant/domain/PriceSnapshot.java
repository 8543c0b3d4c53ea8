package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a plan costs this tenant, fixed when it subscribes: later price changes do not touch it. */
@Embeddable
public record PriceSnapshot(
        @Column(name = "setup_fee_cents") long setupFeeCents,
        @Column(name = "annual_cents") long annualCents) {
}
