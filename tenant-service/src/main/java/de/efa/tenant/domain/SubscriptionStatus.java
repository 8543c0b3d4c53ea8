package de.efa.tenant.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a subscription stands (docs/state-machines.md). An interest goes INTEREST_DECLARED → OFFERED → (concluded)
 * REQUESTED, or ends DECLINED, WITHDRAWN or EXPIRED; provisioning goes REQUESTED → PROVISIONING → ACTIVE (or
 * FAILED); a change ACTIVE → UPDATE_REQUESTED → UPDATING → ACTIVE (or UNUSABLE, when the failed update left the
 * instance unusable); a tenant's suspension ACTIVE → SUSPENDING → SUSPENDED → RESUMING → ACTIVE (UNUSABLE again
 * when it was before; SUSPENDED again, when the resumption failed); cancelling ACTIVE → CANCELLATION_REQUESTED →
 * DEPROVISIONING → CANCELLED. A subscription is live until it is final; a tenant has at most one live subscription
 * per service.
 */
public enum SubscriptionStatus {
    INTEREST_DECLARED, OFFERED, REQUESTED, PROVISIONING, ACTIVE, UPDATE_REQUESTED, UPDATING, UNUSABLE, SUSPENDING,
    SUSPENDED, RESUMING, CANCELLATION_REQUESTED, DEPROVISIONING, CANCELLED, FAILED, DECLINED, WITHDRAWN, EXPIRED;

    private static final Set<SubscriptionStatus> FINAL = EnumSet.of(CANCELLED, FAILED, DECLINED, WITHDRAWN, EXPIRED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public boolean isLive() {
        return !isFinal();
    }

    /** An interest or offer: the contract is being agreed, nothing is provisioned yet. */
    public boolean isBeingAgreed() {
        return this == INTEREST_DECLARED || this == OFFERED;
    }

    public boolean isProvisioning() {
        return this == REQUESTED || this == PROVISIONING;
    }

    public boolean isUpdating() {
        return this == UPDATE_REQUESTED || this == UPDATING;
    }

    /**
     * The instance exists and no request of it is on its way to the provider: it may be changed, and a suspension
     * of its tenant reaches it. UNUSABLE counts: a failed update left the instance, and only another change or a
     * cancellation helps it.
     */
    public boolean isSettled() {
        return this == ACTIVE || this == UNUSABLE;
    }

    /** Locked at the provider for a suspended tenant, or on the way there or back. */
    public boolean isSuspension() {
        return this == SUSPENDING || this == SUSPENDED || this == RESUMING;
    }

    public boolean isDeprovisioning() {
        return this == CANCELLATION_REQUESTED || this == DEPROVISIONING;
    }

    public static Set<SubscriptionStatus> finals() {
        return EnumSet.copyOf(FINAL);
    }
}
