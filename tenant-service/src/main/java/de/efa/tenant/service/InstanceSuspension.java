package de.efa.tenant.service;

import de.efa.platform.audit.Actor;
import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.messaging.SubscriptionEvents;
import de.efa.tenant.messaging.SubscriptionEvents.Request;
import de.efa.tenant.repository.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's suspension reaches its instances at the providers (docs/state-machines.md). Suspending the tenant asks
 * the provider to lock each settled instance, and each one being resumed; an instance still being provisioned or
 * changed is locked as soon as a result settles it. Reactivating asks to unlock each instance that is suspended or
 * still being suspended: the marketplace runs the jobs of one subscription one after the other, so the unlocking
 * follows a locking that has not finished.
 */
@ApplicationScoped
public class InstanceSuspension {

    private static final Map<String, String> TENANT_SUSPENDED = Map.of("reason", "tenant suspended");

    private final SubscriptionRepository subscriptions;
    private final SubscriptionEvents events;
    private final AuditTrail auditTrail;

    public InstanceSuspension(SubscriptionRepository subscriptions, SubscriptionEvents events,
            AuditTrail auditTrail) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.auditTrail = auditTrail;
    }

    /**
     * In the transaction that suspended the tenant. Every live subscription of the tenant is locked, not only the
     * settled ones: one that a result settles meanwhile is then seen settled here, or sees the tenant suspended there.
     */
    public void suspendAll(Tenant tenant, Caller caller, Instant now) {
        List<AuditRef> suspended = new ArrayList<>();
        for (Subscription subscription : subscriptions.liveOfTenantForUpdate(tenant.ags().value())) {
            if (subscription.isToBeSuspended()) {
                suspend(subscription, tenant, "Suspension requested: tenant suspended by " + caller.describe(),
                        caller.subject(), now);
                suspended.add(Audited.subscription(subscription));
            }
        }
        auditTrail.recordEach(Actor.of(caller), "subscription.suspend", suspended,
                SubscriptionStatus.SUSPENDING.name(), TENANT_SUSPENDED);
    }

    /** In the transaction that reactivated the tenant. */
    public void resumeAll(Tenant tenant, Caller caller, Instant now) {
        List<AuditRef> resumed = new ArrayList<>();
        for (Subscription subscription : subscriptions.liveOfTenantForUpdate(tenant.ags().value())) {
            if (subscription.isToBeResumed()) {
                subscription.requestResumption(now, "Resumption requested: tenant reactivated by "
                        + caller.describe());
                subscription.recordRequest(events.request(Request.RESUME_REQUESTED, subscription, tenant,
                        caller.subject(), now));
                resumed.add(Audited.subscription(subscription));
            }
        }
        auditTrail.recordEach(Actor.of(caller), "subscription.resume", resumed, SubscriptionStatus.RESUMING.name(),
                Map.of("reason", "tenant reactivated"));
    }

    /**
     * After a result settled the subscription (ACTIVE or UNUSABLE): if its tenant is suspended, the instance is
     * locked at once. No person asks for it.
     */
    public void suspendIfTenantSuspended(Subscription subscription, Tenant tenant, Instant now) {
        if (tenant.isSuspended() && subscription.status().isSettled()) {
            suspend(subscription, tenant, "Suspension requested: tenant " + tenant.ags() + " is suspended", null, now);
            auditTrail.record("subscription.suspend", Audited.subscription(subscription),
                    SubscriptionStatus.SUSPENDING.name(), TENANT_SUSPENDED);
        }
    }

    private void suspend(Subscription subscription, Tenant tenant, String detail, String originatingUserId,
            Instant now) {
        subscription.requestSuspension(now, detail);
        subscription.recordRequest(events.request(Request.SUSPEND_REQUESTED, subscription, tenant, originatingUserId,
                now));
    }
}
