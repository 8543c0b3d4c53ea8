package de.efa.tenant.service;

/** Fired in a transaction that left rollout items PENDING; once it commits, the worker takes them up. */
public record RolloutsDue() {
}
