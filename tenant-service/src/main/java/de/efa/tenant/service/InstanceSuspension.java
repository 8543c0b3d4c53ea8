package de.efa.tenant.service;

import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.messaging.SubscriptionEvents;
import de.efa.tenant.messaging.SubscriptionEvents.Request;
import de.efa.tenant.repository.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * A tenant's suspension reaches its instances at the providers (docs/state-machines.md). Suspending the tenant asks
 * the provider to lock each settled instance, and each one being resumed; an instance still being provisioned or
 * changed is locked as soon as a result settles it. Reactivating asks to unlock each instance that is suspended or
 * still being suspended: the marketplace runs the jobs of one subscription one after the other, so the unlocking
 * follows a locking that has not finished.
 */
@ApplicationScoped
public class InstanceSuspension {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionEvents events;

    public InstanceSuspension(SubscriptionRepository subscriptions, SubscriptionEvents events) {
        this.subscriptions = subscriptions;
        this.events = events;
    }

    /**
     * In the transaction that suspended the tenant. Every live subscription of the tenant is locked, not only the
     * settled ones: one that a result settles meanwhile is then seen settled here, or sees the tenant suspended there.
     */
    public void suspendAll(Tenant tenant, Caller caller, Instant now) {
        for (Subscription subscription : subscriptions.liveOfTenantForUpdate(tenant.ags().value())) {
            if (subscription.isToBeSuspended()) {
                suspend(subscription, tenant, "Suspension requested: tenant suspended by " + caller.describe(),
                        caller.subject(), now);
            }
        }
    }

    /** In the transaction that reactivated the tenant. */
    public void resumeAll(Tenant tenant, Caller caller, Instant now) {
        for (Subscription subscription : subscriptions.liveOfTenantForUpdate(tenant.ags().value())) {
            if (subscription.isToBeResumed()) {
                subscription.requestResumption(now, "Resumption requested: tenant reactivated by "
                        + caller.describe());
                subscription.recordRequest(events.request(Request.RESUME_REQUESTED, subscription, tenant,
                        caller.subject(), now));
            }
        }
    }

    /**
     * After a result settled the subscription (ACTIVE or UNUSABLE): if its tenant is suspended, the instance is
     * locked at once. No person asks for it.
     */
    public void suspendIfTenantSuspended(Subscription subscription, Tenant tenant, Instant now) {
        if (tenant.isSuspended() && subscription.status().isSettled()) {
            suspend(subscription, tenant, "Suspension requested: tenant " + tenant.ags() + " is suspended", null, now);
        }
    }

    private void suspend(Subscription subscription, Tenant tenant, String detail, String originatingUserId,
            Instant now) {
        subscription.requestSuspension(now, detail);
        subscription.recordRequest(events.request(Request.SUSPEND_REQUESTED, subscription, tenant, originatingUserId,
                now));
    }
}
