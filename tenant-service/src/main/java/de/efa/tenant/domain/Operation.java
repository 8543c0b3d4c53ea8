package de.efa.tenant.domain;

/** What the marketplace is asked to do with a subscription's instance at the provider. */
public enum Operation {
    PROVISION, DEPROVISION
}
