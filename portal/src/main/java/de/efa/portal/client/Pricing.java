package de.efa.portal.client;

/** Euro cents; null only in a provider's unfinished form, which the catalog then refuses with a violation. */
public record Pricing(Long setupFeeCents, Long annualBaseCents, Long annualPerInhabitantCents) {

    /** The yearly price for a municipality of this many inhabitants: base plus inhabitants × rate. */
    public long annualCentsFor(long population) {
        return value(annualBaseCents) + population * value(annualPerInhabitantCents);
    }

    private static long value(Long cents) {
        return cents == null ? 0 : cents;
    }
}
