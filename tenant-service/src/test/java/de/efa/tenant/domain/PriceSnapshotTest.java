package de.efa.tenant.domain;

import de.efa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A price snapshot keeps its rates: a new population is priced with them, an offered annual price never changes. */
class PriceSnapshotTest {

    @Test
    void annualPriceIsBasePlusPopulationTimesPerInhabitant() {
        PriceSnapshot price = new Pricing(50_000, 120_000, 2).snapshotFor(611_850);
        assertThat(price).isEqualTo(new PriceSnapshot(50_000, 120_000 + 611_850L * 2, 120_000, 2, 611_850));
        assertThat(price.dependsOnPopulation()).isTrue();
        assertThat(new Pricing(0, 0, 0).snapshotFor(0)).isEqualTo(new PriceSnapshot(0, 0, 0, 0, 0));
        assertThat(price.describe()).isEqualTo("500.00 € setup fee, 13,437.00 € a year");
    }

    @Test
    void aNewPopulationIsPricedWithTheStoredRates() {
        PriceSnapshot price = new Pricing(50_000, 120_000, 2).snapshotFor(10_000);
        assertThat(price.forPopulation(12_000)).isEqualTo(new PriceSnapshot(50_000, 144_000, 120_000, 2, 12_000));
        PriceSnapshot flat = PriceSnapshot.flat(0, 99_000, 10_000);
        assertThat(flat.dependsOnPopulation()).isFalse();
        assertThat(flat.forPopulation(12_000).annualCents()).isEqualTo(99_000);
    }

    @Test
    void anOfferedAnnualPriceIsFlatAndOneLeftToThePlanFollowsThePopulation() {
        PriceSnapshot plan = new Pricing(50_000, 120_000, 2).snapshotFor(10_000);
        PriceSnapshot offered = new OfferConditions(Optional.empty(), Optional.of(99_000L),
                Optional.of(LocalDate.of(2027, 1, 1)), "Sonderpreis").priceOver(plan);
        assertThat(offered).isEqualTo(new PriceSnapshot(50_000, 99_000, 99_000, 0, 10_000));
        assertThat(offered.dependsOnPopulation()).isFalse();

        PriceSnapshot setupOnly = new OfferConditions(Optional.of(0L), Optional.empty(), Optional.empty(),
                "Ohne Einrichtungsgebühr").priceOver(plan);
        assertThat(setupOnly).isEqualTo(new PriceSnapshot(0, 140_000, 120_000, 2, 10_000));
    }

    @Test
    void aSnapshotWhoseAnnualPriceIsNotItsRatesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PriceSnapshot(0, 1, 0, 2, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> PriceSnapshot.of(0, -1, 0, 10));
    }

    @Test
    void aPriceLargerThanAPriceCanBeIsTheCatalogsFaultAndAConflict() {
        Throwable thrown = catchThrowable(() -> PriceSnapshot.of(0, 0, Long.MAX_VALUE / 10, 100));

        assertThat(thrown).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) thrown).status()).isEqualTo(409);
        assertThat(thrown).hasMessage("The plan's annual price for 100 inhabitants (0 cents and "
                + Long.MAX_VALUE / 10 + " cents per inhabitant) is larger than a price can be");
    }
}
