package de.efa.marketplace.domain;

/** What a job asks of the provider's broker. */
public enum Operation {
    PROVISION,
    DEPROVISION
}
