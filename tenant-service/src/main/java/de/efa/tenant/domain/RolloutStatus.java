package de.efa.tenant.domain;

/** A rollout is RUNNING until every one of its items is final, then DONE. */
public enum RolloutStatus {
    RUNNING, DONE
}
