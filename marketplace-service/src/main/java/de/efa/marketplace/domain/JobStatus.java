package de.efa.marketplace.domain;

/** The life of a provisioning job as SPEC section 7 names it. */
public enum JobStatus {
    PENDING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
