package de.efa.tenant.service;

import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import de.efa.tenant.domain.Operation;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.repository.SubscriptionRepository;
import de.efa.tenant.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moves subscriptions by the marketplace's provisioning results. A result of a job other than the one of the
 * subscription's latest request, or one the subscription's status has moved past, is stale and changes nothing; so
 * does a result for a subscription this service does not know. All are logged.
 * Duplicates never get here: the inbox drops them by {@code ce_id} in the same transaction. A result that settles a
 * subscription of a suspended tenant (ACTIVE or UNUSABLE) is followed at once by the request to suspend it.
 * Each result that changed a subscription is audited by this service in its own name, as no person asked for it;
 * the failed result that stands for a request an operator discarded is audited in that operator's name.
 */
@ApplicationScoped
public class ResultService {

    private static final Logger LOG = Logger.getLogger(ResultService.class);

    private final SubscriptionRepository subscriptions;
    private final TenantRepository tenants;
    private final InstanceSuspension suspension;
    private final RolloutService rollouts;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public ResultService(SubscriptionRepository subscriptions, TenantRepository tenants,
            InstanceSuspension suspension, RolloutService rollouts, AuditTrail auditTrail, Clock clock) {
        this.subscriptions = subscriptions;
        this.tenants = tenants;
        this.suspension = suspension;
        this.rollouts = rollouts;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * The subscriptions are locked with one statement for the whole batch; the events are then applied in the order
     * they came, so several results of one subscription keep their order. The audit entries of alike results (type,
     * operation, reason and the status they led to) are written with one statement, not one per result. The
     * subscriptions that reached ACTIVE or FAILED settle their rollout items, if they have any, with one statement.
     */
    @Transactional
    public void apply(List<ResultEvent> events) {
        Map<UUID, Subscription> locked = subscriptions.findForUpdate(
                events.stream().map(ResultEvent::subscriptionId).collect(Collectors.toSet()));
        // A result that settles a subscription looks at its tenant (suspended meanwhile?): one read for all of them.
        // After the locks: a tenant's suspension locks its live subscriptions (InstanceSuspension.suspendAll), so a
        // tenant read now is either seen suspended or its suspension waits and then sees the subscription settled.
        tenants.load(events.stream().filter(ResultEvent::maySettle).map(event -> locked.get(event.subscriptionId()))
                .filter(Objects::nonNull).map(subscription -> subscription.ags().value()).collect(Collectors.toSet()));
        Map<Applied, List<AuditRef>> applied = new LinkedHashMap<>();
        Map<UUID, RolloutService.Provisioning> settled = new LinkedHashMap<>();
        for (ResultEvent event : events) {
            applyOne(event, Optional.ofNullable(locked.get(event.subscriptionId())), applied, settled);
        }
        // The changes first: a result whose data PostgreSQL refuses is parked for what it says, not for its entry.
        subscriptions.flush();
        applied.forEach((kind, changed) -> auditTrail.recordEach("subscription.apply-result", changed,
                kind.outcome(), kind.details()));
        rollouts.provisioned(settled, clock.instant());
    }

    private void applyOne(ResultEvent event, Optional<Subscription> found, Map<Applied, List<AuditRef>> applied,
            Map<UUID, RolloutService.Provisioning> settled) {
        if (found.isEmpty()) {
            LOG.warnf("result %s (%s) for unknown subscription %s ignored", event.ceId(), event.type(),
                    event.subscriptionId());
            return;
        }
        Subscription subscription = found.get();
        if (!subscription.isResultOfLatestRequest(event.jobId())) {
            LOG.infof("result %s (%s) of job %s for subscription %s ignored: its latest request is another",
                    event.ceId(), event.type(), event.jobId(), subscription.id());
            return;
        }
        Instant now = clock.instant();
        // Every change of a subscription is in its history; a result that adds nothing there changed nothing.
        int noted = subscription.history().size();
        if (!move(subscription, event, now)) {
            LOG.infof("stale result %s (%s, %s) for subscription %s in status %s ignored", event.ceId(), event.type(),
                    event.operation(), subscription.id(), subscription.status());
            return;
        }
        if (subscription.history().size() > noted) {
            // Taken before a suspension moves it on: a rollout item counts where its provisioning ended.
            SubscriptionStatus status = subscription.status();
            if (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.FAILED) {
                settled.putIfAbsent(subscription.id(), new RolloutService.Provisioning(
                        status == SubscriptionStatus.ACTIVE, subscription.failureReason()));
            }
            applied.computeIfAbsent(new Applied(event.type(), event.operation(), event.reason(),
                    subscription.status().name()), kind -> new ArrayList<>()).add(Audited.subscription(subscription));
        }
        if (subscription.status().isSettled()) {
            Tenant tenant = tenants.findByIdOptional(subscription.ags().value()).orElseThrow(
                    () -> new IllegalStateException("subscription " + subscription.id() + " has no tenant"));
            suspension.suspendIfTenantSuspended(subscription, tenant, now);
        }
    }

    /** Results alike in what the audit says of them: their type, operation and reason, and the status they led to. */
    private record Applied(String type, Operation operation, String reason, String outcome) {

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("event", type);
            if (operation != null) {
                details.put("operation", operation);
            }
            if (reason != null) {
                details.put("reason", reason);
            }
            return details;
        }
    }

    private static boolean move(Subscription subscription, ResultEvent event, Instant now) {
        return switch (event.type()) {
            case ResultEvent.PROVISIONING_STARTED -> subscription.provisioningStarted(event.operation(), now,
                    event.operation() + " started at the provider");
            case ResultEvent.PROVISIONED -> subscription.provisioned(event.instanceId(), event.dashboardUrl(), now,
                    "Instance " + event.instanceId() + " provisioned");
            case ResultEvent.PROVISIONING_FAILED -> subscription.provisioningFailed(event.operation(),
                    event.reason() == null ? event.operation() + " failed" : event.reason(), now);
            case ResultEvent.DEPROVISIONED -> subscription.deprovisioned(now,
                    "Instance " + event.instanceId() + " deprovisioned");
            case ResultEvent.UPDATED -> subscription.updated(event.planId(), now);
            case ResultEvent.UPDATE_FAILED -> subscription.updateFailed(
                    event.reason() == null ? "UPDATE failed" : event.reason(), event.saysInstanceUsable(), now);
            case ResultEvent.SUSPENDED -> subscription.suspended(event.isConfirmed(), event.reason(), now);
            case ResultEvent.RESUMED -> subscription.resumed(event.isConfirmed(), event.reason(), now);
            default -> {
                LOG.warnf("result %s of unknown type %s ignored", event.ceId(), event.type());
                yield true;
            }
        };
    }
}
