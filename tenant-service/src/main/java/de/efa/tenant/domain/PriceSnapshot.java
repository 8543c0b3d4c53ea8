package de.efa.tenant.domain;

import de.efa.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Locale;

/**
 * What a plan costs this tenant, fixed when it subscribes, with the rates and the population it was computed from:
 * a later price change of the plan does not touch it, and a new population is priced with these rates, not the
 * plan's current ones. An offered annual price is a flat rate without a per-inhabitant part, so the population
 * never changes it.
 */
@Embeddable
public record PriceSnapshot(
        @Column(name = "setup_fee_cents") long setupFeeCents,
        @Column(name = "annual_cents") long annualCents,
        @Column(name = "annual_base_cents") long annualBaseCents,
        @Column(name = "annual_per_inhabitant_cents") long annualPerInhabitantCents,
        @Column(name = "price_population") long population) {

    public PriceSnapshot {
        if (setupFeeCents < 0 || annualBaseCents < 0 || annualPerInhabitantCents < 0 || population < 0) {
            throw new IllegalArgumentException("rates and population must be 0 or more");
        }
        if (annualCents != annualOf(annualBaseCents, annualPerInhabitantCents, population)) {
            throw new IllegalArgumentException("the annual price must be the base plus one per-inhabitant price "
                    + "for each inhabitant");
        }
    }

    /** The annual price is the base plus one per-inhabitant price for each inhabitant of the tenant. */
    public static PriceSnapshot of(long setupFeeCents, long annualBaseCents, long annualPerInhabitantCents,
            long population) {
        long annual;
        try {
            annual = annualOf(annualBaseCents, annualPerInhabitantCents, population);
        } catch (ArithmeticException e) {
            // The catalog takes any rate in cents: a provider's absurd one is the plan's fault, not the request's.
            throw ProblemException.conflict("The plan's annual price for " + population + " inhabitants ("
                    + annualBaseCents + " cents and " + annualPerInhabitantCents + " cents per inhabitant) is larger "
                    + "than a price can be");
        }
        return new PriceSnapshot(setupFeeCents, annual, annualBaseCents, annualPerInhabitantCents, population);
    }

    /** A price agreed as it is, with no per-inhabitant part. */
    public static PriceSnapshot flat(long setupFeeCents, long annualCents, long population) {
        return of(setupFeeCents, annualCents, 0, population);
    }

    /** The same rates for another population. */
    public PriceSnapshot forPopulation(long newPopulation) {
        return of(setupFeeCents, annualBaseCents, annualPerInhabitantCents, newPopulation);
    }

    public boolean dependsOnPopulation() {
        return annualPerInhabitantCents != 0;
    }

    /** For histories: "500.00 € setup fee, 1,220.00 € a year". */
    public String describe() {
        return euros(setupFeeCents) + " setup fee, " + euros(annualCents) + " a year";
    }

    static String euros(long cents) {
        return String.format(Locale.ENGLISH, "%,d.%02d €", cents / 100, cents % 100);
    }

    private static long annualOf(long base, long perInhabitant, long population) {
        return Math.addExact(base, Math.multiplyExact(population, perInhabitant));
    }
}
