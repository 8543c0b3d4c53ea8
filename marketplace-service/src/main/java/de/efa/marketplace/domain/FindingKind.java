package de.efa.marketplace.domain;

/** Where what the marketplace believes of an instance and what its broker holds part (docs/errors.md). */
public enum FindingKind {
    /** A live instance the broker does not know (404). */
    MISSING_AT_PROVIDER,
    /** The broker's instance has another plan than the one last applied. */
    PLAN_DIFFERS,
    /** An instance that orphan mitigation could not remove: it may live on at the provider, unasked for. */
    ORPHAN_LEFT,
    /** An instance that should be suspended, which the broker did not lock or says is not locked. */
    SUSPENSION_NOT_CONFIRMED
}
