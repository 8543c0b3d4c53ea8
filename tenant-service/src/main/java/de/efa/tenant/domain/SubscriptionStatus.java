package de.efa.tenant.domain;

/**
 * Where a subscription stands: REQUESTED → PROVISIONING → ACTIVE → CANCELLATION_REQUESTED → DEPROVISIONING →
 * CANCELLED, or FAILED from REQUESTED/PROVISIONING. CANCELLED and FAILED are not live: the tenant may subscribe
 * to the service again.
 */
public enum SubscriptionStatus {
    REQUESTED, PROVISIONING, ACTIVE, CANCELLATION_REQUESTED, DEPROVISIONING, CANCELLED, FAILED;

    public boolean isProvisioning() {
        return this == REQUESTED || this == PROVISIONING;
    }

    public boolean isDeprovisioning() {
        return this == CANCELLATION_REQUESTED || this == DEPROVISIONING;
    }
}
