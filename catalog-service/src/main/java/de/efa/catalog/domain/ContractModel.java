package de.efa.catalog.domain;

/**
 * What must happen before a plan is provisioned for a municipality: nothing ({@code NONE}, as in version 1), its
 * acceptance of the plan's terms ({@code TERMS}), or an interest the provider answers with an offer that the
 * municipality concludes ({@code INTEREST}).
 */
public enum ContractModel {
    NONE, TERMS, INTEREST;

    /** Terms belong to TERMS and INTEREST, and only to them: nobody is asked to accept what does not apply. */
    public ContractModel requireTerms(boolean given) {
        if (this != NONE && !given) {
            throw new InvalidValueException("is required for the contract model " + this);
        }
        if (this == NONE && given) {
            throw new InvalidValueException("must be absent for the contract model NONE");
        }
        return this;
    }
}
