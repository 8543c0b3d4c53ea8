package de.efa.tenant.domain;

/**
 * How a plan's reuse is agreed: without a contract (NONE, subscribing is enough), by accepting the provider's terms
 * (TERMS), or by an Interessenbekundung that the provider answers with an offer before a Nachnutzungsvertrag is
 * concluded (INTEREST).
 */
public enum ContractModel {
    NONE, TERMS, INTEREST;

    /** A plan with a contract needs an invoice address (Leitweg-ID) of its customer. */
    public boolean needsContract() {
        return this != NONE;
    }
}
