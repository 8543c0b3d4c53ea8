package de.efa.tenant.domain;

/** A plan's price list as the catalog publishes it, in euro cents. */
public record Pricing(long setupFeeCents, long annualBaseCents, long annualPerInhabitantCents) {

    /** The plan's price for a tenant of this population, with the rates it was computed from. */
    public PriceSnapshot snapshotFor(long population) {
        return PriceSnapshot.of(setupFeeCents, annualBaseCents, annualPerInhabitantCents, population);
    }
}
