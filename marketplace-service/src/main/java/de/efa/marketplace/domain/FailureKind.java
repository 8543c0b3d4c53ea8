package de.efa.marketplace.domain;

/**
 * What a FAILED job's failure means beyond its reason, where the result it reports depends on it; null for any other
 * failure.
 */
public enum FailureKind {
    /** An update failed and the broker said {@code instance_usable: false}: the instance cannot be used as it is. */
    INSTANCE_UNUSABLE,
    /**
     * An update failed at the broker, which refused it or reported its last operation failed without saying
     * {@code instance_usable: false}: the instance runs as before. A failed update without such an answer (not
     * offered, out of budget) has no kind, since nobody knows.
     */
    INSTANCE_USABLE,
    /** The broker's catalog does not offer what the job asks (a plan change, a context update); it was not asked. */
    NOT_OFFERED,
    /** The broker URL is refused by the production policy (plain http, an internal address): no call was made. */
    NOT_ALLOWED,
    /** A provisioning failed and orphan mitigation gave up: an instance nobody asked for may be left at the broker. */
    ORPHAN_LEFT
}
