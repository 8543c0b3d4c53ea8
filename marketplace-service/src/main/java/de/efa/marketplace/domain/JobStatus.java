package de.efa.marketplace.domain;

/** The life of a provisioning job (docs/state-machines.md). */
public enum JobStatus {
    PENDING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
