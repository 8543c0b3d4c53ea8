package de.efa.demoprovider.domain;

/** Where a demo SaaS instance is in its life. */
public enum InstanceState {
    PROVISIONING,
    PROVISIONED,
    /** An update runs; the instance keeps its plan, parameters and suspension until it succeeds. */
    UPDATING,
    /** An update failed and left the instance unusable; another update may repair it, or it is deprovisioned. */
    UNUSABLE,
    /** Provisioning failed or was halted; the platform is expected to deprovision it (orphan mitigation). */
    FAILED,
    DEPROVISIONING,
    /** Deprovisioned; kept so that a repeated DELETE is answered 410 and a late poll still finds its operation. */
    DELETED
}
