package de.efa.tenant.domain;

/** A plan's price list as the catalog publishes it, in euro cents. */
public record Pricing(long setupFeeCents, long annualBaseCents, long annualPerInhabitantCents) {

    /** The annual price is the base plus one per-inhabitant price for each inhabitant of the tenant. */
    public PriceSnapshot snapshotFor(long population) {
        long annual = Math.addExact(annualBaseCents, Math.multiplyExact(population, annualPerInhabitantCents));
        return new PriceSnapshot(setupFeeCents, annual);
    }
}
