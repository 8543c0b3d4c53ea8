package de.efa.marketplace.domain;

/** The life of a reconciliation run (docs/state-machines.md). */
public enum RunStatus {
    RUNNING,
    FINISHED,
    /** It stopped on an error of its own (the database, say); the next run starts afresh. */
    FAILED,
    /** Its replica went away while it ran: it was still RUNNING long after it should have ended. */
    ABANDONED
}
