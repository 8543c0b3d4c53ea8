package de.efa.demoprovider.domain;

/** Where a demo SaaS instance is in its life. */
public enum InstanceState {
    PROVISIONING,
    PROVISIONED,
    /** Provisioning failed or was halted; the platform is expected to deprovision it (orphan mitigation). */
    FAILED,
    DEPROVISIONING,
    /** Deprovisioned; kept so that a repeated DELETE is answered 410 and a late poll still finds its operation. */
    DELETED
}
