package de.efa.tenant.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a provider offers in answer to an interest; a condition not given keeps the plan's price. The note is the
 * offer's text for the municipality.
 */
public record OfferConditions(Optional<Long> setupFeeCents, Optional<Long> annualCents, Optional<LocalDate> startDate,
                              String note) {

    public OfferConditions {
        if (setupFeeCents.filter(cents -> cents < 0).isPresent() || annualCents.filter(cents -> cents < 0).isPresent()) {
            throw new IllegalArgumentException("prices must be 0 cents or more");
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("an offer needs a note");
        }
    }

    /**
     * The price of the offer: the offered amounts where given, the plan's otherwise. An offered annual price is
     * agreed as it is, so it does not follow the population; one the offer leaves to the plan does.
     */
    public PriceSnapshot priceOver(PriceSnapshot planPrice) {
        long setupFee = setupFeeCents.orElse(planPrice.setupFeeCents());
        return annualCents.map(annual -> PriceSnapshot.flat(setupFee, annual, planPrice.population()))
                .orElseGet(() -> PriceSnapshot.of(setupFee, planPrice.annualBaseCents(),
                        planPrice.annualPerInhabitantCents(), planPrice.population()));
    }
}
