package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One tenant of a rollout and how far it got (docs/state-machines.md, "Rollout item"). The worker handles a PENDING
 * item once: it is SKIPPED with the reason the tenant could not subscribe, or it names the subscription made for it.
 * An attempt that failed for a fault of the service leaves it PENDING for another, up to a limit
 * ({@link #attemptFailed}).
 * The first provisioning result of that subscription settles it ACTIVE or FAILED, and later moves of the subscription
 * (a resubmission, a plan change, a cancellation) do not rewrite it: the rollout tells what it achieved.
 */
@Entity
@Table(name = "rollout_item")
public class RolloutItem {

    @EmbeddedId
    private Key key;

    @Column(name = "tenant_name")
    private String tenantName;

    @Enumerated(EnumType.STRING)
    private RolloutItemStatus status;

    @Column(name = "subscription_id")
    private UUID subscriptionId;

    private String reason;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected RolloutItem() {
    }

    /** A selected AGS, waiting for the worker; the tenant's name as it is now, none for an AGS no tenant has. */
    public static RolloutItem pending(UUID rolloutId, Ags ags, Optional<String> tenantName, Instant now) {
        RolloutItem item = new RolloutItem();
        item.key = new Key(rolloutId, ags.value());
        item.tenantName = tenantName.orElse(null);
        item.status = RolloutItemStatus.PENDING;
        item.updatedAt = now;
        return item;
    }

    /** The tenant cannot subscribe, for this reason. */
    public void skip(String reason, Instant now) {
        requirePending("skipped");
        this.reason = reason;
        move(RolloutItemStatus.SKIPPED, now);
    }

    /**
     * The worker failed at the item for a fault of its own (a bug, a constraint the service breaks), where a refusal
     * would have {@link #skip skipped} it: counted, and at the {@code maxAttempts}th the item is given up, SKIPPED
     * with that failure as its reason, since no subscription was made and the tenant may still subscribe; FAILED is a
     * subscription's failed provisioning. Without a limit its rollout would never end.
     *
     * @param failure what the last attempt failed with
     * @return whether the item was given up
     */
    public boolean attemptFailed(String failure, int maxAttempts, Instant now) {
        requirePending("attempted");
        failedAttempts++;
        if (failedAttempts < maxAttempts) {
            return false;
        }
        skip("Given up after " + failedAttempts + " failed attempts (a fault of tenant-service, not a refusal): "
                + failure, now);
        return true;
    }

    /**
     * The subscription made for the tenant: an Interessenbekundung is as far as a rollout goes (INTEREST_DECLARED),
     * a request waits for its provisioning (SUBSCRIBED).
     */
    public void subscribed(Subscription subscription, Instant now) {
        requirePending("subscribed");
        subscriptionId = subscription.id();
        move(subscription.status() == SubscriptionStatus.INTEREST_DECLARED ? RolloutItemStatus.INTEREST_DECLARED
                : RolloutItemStatus.SUBSCRIBED, now);
    }

    /** @return false when the item is not waiting for its provisioning, and nothing changed */
    public boolean provisioned(Instant now) {
        if (status != RolloutItemStatus.SUBSCRIBED) {
            return false;
        }
        move(RolloutItemStatus.ACTIVE, now);
        return true;
    }

    /** @return false when the item is not waiting for its provisioning, and nothing changed */
    public boolean provisioningFailed(String failureReason, Instant now) {
        if (status != RolloutItemStatus.SUBSCRIBED) {
            return false;
        }
        reason = failureReason;
        move(RolloutItemStatus.FAILED, now);
        return true;
    }

    private void requirePending(String step) {
        if (status != RolloutItemStatus.PENDING) {
            throw new StatusTransitionException("The item " + key.ags() + " of rollout " + key.rolloutId() + " is "
                    + status + "; only a PENDING item can be " + step);
        }
    }

    private void move(RolloutItemStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    public UUID rolloutId() {
        return key.rolloutId();
    }

    public Ags ags() {
        return Ags.of(key.ags());
    }

    public Optional<String> tenantName() {
        return Optional.ofNullable(tenantName);
    }

    public RolloutItemStatus status() {
        return status;
    }

    public Optional<UUID> subscriptionId() {
        return Optional.ofNullable(subscriptionId);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Embeddable
    public record Key(@Column(name = "rollout_id") UUID rolloutId, @Column(name = "ags") String ags)
            implements Serializable {
    }
}
