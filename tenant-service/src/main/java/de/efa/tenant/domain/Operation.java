package de.efa.tenant.domain;

/**
 * What the marketplace is asked to do with a subscription's instance at the provider: create it, remove it, change
 * its plan or configuration, or lock and unlock it while its tenant is suspended.
 */
public enum Operation {
    PROVISION, DEPROVISION, UPDATE, SUSPEND, RESUME
}
