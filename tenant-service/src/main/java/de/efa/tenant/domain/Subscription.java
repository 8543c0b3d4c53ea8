package de.efa.tenant.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A tenant's use of one service and plan, under the contract its plan asks for. Each move of its status is appended
 * to its history, naming who moved it; a move that the current status does not allow is refused (from a caller) or
 * reported as stale (from a result event). Results count only for the job of its latest request. A requested change
 * is kept beside the plan, configuration, price and contract in effect, which it replaces only once the provider has
 * applied it. {@code version} is its ETag.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    private UUID id;

    private String ags;

    @Column(name = "service_id")
    private UUID serviceId;

    @Column(name = "plan_id")
    private String planId;

    @ColumnTransformer(write = "?::jsonb")
    private String parameters;

    @Embedded
    private PriceSnapshot price;

    @Embedded
    private Contract contract;

    @Embedded
    private Offer offer;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "request_id")
    private UUID requestId;

    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;

    @Column(name = "instance_id")
    private String instanceId;

    @Column(name = "dashboard_url")
    private String dashboardUrl;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "update_plan_id")
    private String updatePlanId;

    @Column(name = "update_parameters")
    @ColumnTransformer(write = "?::jsonb")
    private String updateParameters;

    @Embedded
    @AttributeOverride(name = "setupFeeCents", column = @Column(name = "update_setup_fee_cents"))
    @AttributeOverride(name = "annualCents", column = @Column(name = "update_annual_cents"))
    @AttributeOverride(name = "annualBaseCents", column = @Column(name = "update_annual_base_cents"))
    @AttributeOverride(name = "annualPerInhabitantCents", column = @Column(name = "update_annual_per_inhabitant_cents"))
    @AttributeOverride(name = "population", column = @Column(name = "update_price_population"))
    private PriceSnapshot updatePrice;

    @Embedded
    @AttributeOverride(name = "model", column = @Column(name = "update_contract_model"))
    @AttributeOverride(name = "termsVersion", column = @Column(name = "update_terms_version"))
    @AttributeOverride(name = "termsUrl", column = @Column(name = "update_terms_url"))
    @AttributeOverride(name = "termsSha256", column = @Column(name = "update_terms_sha256"))
    @AttributeOverride(name = "acceptedBy", column = @Column(name = "update_terms_accepted_by"))
    @AttributeOverride(name = "acceptedAt", column = @Column(name = "update_terms_accepted_at"))
    private Contract updateContract;

    @Embedded
    private UpdateFailure lastUpdateFailure;

    /**
     * The provider did not confirm the suspension that made it SUSPENDED, so the operator's retry of that job may
     * still confirm it; a flag rather than the history's text, which is written for people.
     */
    @Column(name = "suspension_unconfirmed")
    private boolean suspensionUnconfirmed;

    @Version
    private long version;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** When it entered its status; unlike {@code updatedAt}, a new price or a note does not move it. */
    @Column(name = "status_since")
    private Instant statusSince;

    /** The trace of the request that created it, by which its spans and log lines are found; null: none. */
    @Column(name = "trace_id")
    private String traceId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subscription_history", joinColumns = @JoinColumn(name = "subscription_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<HistoryEntry> history = new ArrayList<>();

    protected Subscription() {
    }

    /** A subscription whose plan needs no more than this request (and, for TERMS, the terms accepted with it). */
    public static Subscription request(Ags ags, UUID serviceId, String planId, String parametersJson,
            PriceSnapshot price, Contract contract, String detail, Instant now) {
        return create(ags, serviceId, planId, parametersJson, price, contract, SubscriptionStatus.REQUESTED, detail,
                now);
    }

    /**
     * An Interessenbekundung: nothing is provisioned until the provider has offered and the municipality concluded.
     * The price is the plan's until an offer says otherwise.
     */
    public static Subscription declareInterest(Ags ags, UUID serviceId, String planId, String parametersJson,
            PriceSnapshot price, Optional<Terms> terms, String detail, Instant now) {
        return create(ags, serviceId, planId, parametersJson, price, Contract.pending(ContractModel.INTEREST, terms),
                SubscriptionStatus.INTEREST_DECLARED, detail, now);
    }

    private static Subscription create(Ags ags, UUID serviceId, String planId, String parametersJson,
            PriceSnapshot price, Contract contract, SubscriptionStatus status, String detail, Instant now) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.ags = ags.value();
        subscription.serviceId = serviceId;
        subscription.planId = planId;
        subscription.parameters = parametersJson;
        subscription.price = price;
        subscription.contract = contract;
        subscription.createdAt = now;
        subscription.moveTo(status, now, detail);
        return subscription;
    }

    /** Names the trace of the request that creates it; it keeps the first it is given. */
    public void createdInTrace(String traceId) {
        if (this.traceId == null) {
            this.traceId = traceId;
        }
    }

    /** The provider offers, under the terms current now; the price becomes the offered one. */
    public void offer(OfferConditions conditions, Optional<Terms> currentTerms, String offeredBy, Instant now) {
        require(SubscriptionStatus.INTEREST_DECLARED, "offered");
        offer = Offer.of(conditions, offeredBy, now);
        price = conditions.priceOver(price);
        contract = Contract.pending(contract.model(), currentTerms);
        moveTo(SubscriptionStatus.OFFERED, now, "Offered by " + offeredBy + ": " + conditions.note());
    }

    public void decline(String reason, String declinedBy, Instant now) {
        require(SubscriptionStatus.INTEREST_DECLARED, "declined");
        declineReason = reason;
        moveTo(SubscriptionStatus.DECLINED, now, "Declined by " + declinedBy + ": " + reason);
    }

    /**
     * The Nachnutzungsvertrag is concluded: the terms the offer was made under are accepted (the version the caller
     * names must be theirs) and provisioning may start.
     */
    public void conclude(String acceptedVersion, Acceptance acceptance, Instant now) {
        require(SubscriptionStatus.OFFERED, "concluded");
        contract.terms().ifPresent(terms ->
                TermsNotAcceptedException.requireAccepted(acceptedVersion, terms.version(), "the offer's"));
        contract = contract.acceptedBy(acceptance);
        moveTo(SubscriptionStatus.REQUESTED, now, "Concluded by " + acceptance.acceptedBy());
    }

    /** The municipality (or its bundler, or an operator) takes back its interest, or does not take the offer. */
    public void withdraw(Instant now, String detail) {
        if (!status.isBeingAgreed()) {
            throw new StatusTransitionException("Subscription " + id + " is " + status
                    + "; only an interest or an offer can be withdrawn");
        }
        moveTo(SubscriptionStatus.WITHDRAWN, now, detail);
    }

    /** An interest left unanswered, or an offer not concluded, for too long. */
    public void expire(Instant now, String detail) {
        if (!status.isBeingAgreed()) {
            throw new StatusTransitionException("Subscription " + id + " is " + status
                    + "; only an interest or an offer can expire");
        }
        moveTo(SubscriptionStatus.EXPIRED, now, detail);
    }

    /** The request event just written for this subscription: its id is the id of the job it makes. */
    public void recordRequest(UUID requestEventId) {
        requestId = requestEventId;
    }

    /**
     * Whether a result of this job belongs to the latest request; results of an older job are stale. Subscriptions
     * requested before jobs were known by their request accept any.
     */
    public boolean isResultOfLatestRequest(UUID jobId) {
        return requestId == null || requestId.equals(jobId);
    }

    /**
     * An instance that nothing else is being done to can be cancelled: ACTIVE, UNUSABLE or SUSPENDED (also one whose
     * resumption failed). One still being provisioned, changed, suspended or resumed is cancelled once that is over
     * (409 until then). A cancellation whose deprovisioning failed can be asked for again: a new request and a new job,
     * the only way on when no job of the failed one is left to retry (its request was discarded unsent).
     */
    public void requestCancellation(Instant now, String detail) {
        requireThat(status.isSettled() || status == SubscriptionStatus.SUSPENDED || deprovisioningFailed(),
                "an ACTIVE, UNUSABLE or SUSPENDED (or a failed DEPROVISIONING)", "cancelled");
        // Whatever failed before (a resumption, a deprovisioning) is behind this request.
        failureReason = null;
        moveTo(SubscriptionStatus.CANCELLATION_REQUESTED, now, detail);
    }

    private boolean deprovisioningFailed() {
        return status == SubscriptionStatus.DEPROVISIONING && failureReason != null;
    }

    /**
     * Asks the provider for another plan or configuration (or both); what is in effect stays until the provider
     * confirms, and the history keeps it. Only a settled subscription (ACTIVE or UNUSABLE) can be changed: any other
     * has a request under way, or no instance.
     */
    public void requestUpdate(RequestedUpdate update, String requestedBy, Instant now) {
        requireChangeable();
        updatePlanId = update.planId();
        updateParameters = update.parametersJson();
        updatePrice = update.price();
        updateContract = update.contract();
        String change = update.planId().equals(planId) ? "new configuration" : "plan " + planId + " → "
                + update.planId() + ", " + update.price().describe();
        moveTo(SubscriptionStatus.UPDATE_REQUESTED, now, "Update requested by " + requestedBy + " (" + change
                + "); in effect until the provider confirms: plan " + planId + ", parameters " + parameters + ", "
                + price.describe());
    }

    /** Answers 409 unless the subscription is ACTIVE or UNUSABLE, before a change is looked at. */
    public void requireChangeable() {
        requireThat(status.isSettled(), "an ACTIVE or UNUSABLE", "changed");
    }

    /**
     * The provider applied the requested change: it is in effect now, with its price and contract, and an earlier
     * failure is forgotten.
     *
     * @param planAtProvider the plan the provider reports, noted when it is not the one requested
     * @return false when the event is stale for the current status, and nothing changed
     */
    public boolean updated(String planAtProvider, Instant now) {
        if (!status.isUpdating()) {
            return false;
        }
        String previousPlan = planId;
        planId = updatePlanId;
        parameters = updateParameters;
        price = updatePrice;
        contract = updateContract;
        forgetRequestedUpdate();
        lastUpdateFailure = null;
        String detail = previousPlan.equals(planId) ? "Configuration updated at the provider"
                : "Plan changed at the provider: " + previousPlan + " → " + planId + ", " + price.describe();
        if (planAtProvider != null && !planAtProvider.equals(planId)) {
            detail += "; the provider reports plan " + planAtProvider;
        }
        moveTo(SubscriptionStatus.ACTIVE, now, detail);
        return true;
    }

    /**
     * The change failed for good. The plan and configuration in effect stay; the instance still runs them (ACTIVE),
     * or the provider says it is unusable now (UNUSABLE), until another change or a cancellation. When the provider
     * said nothing of the instance (it was not asked, or gave no final answer), the subscription is as it was before
     * the change: an unusable instance has not become usable by a change that did not reach it.
     *
     * @param instanceUsable what the provider said of the instance, empty when it said nothing
     * @return false when the event is stale for the current status, and nothing changed
     */
    public boolean updateFailed(String reason, Optional<Boolean> instanceUsable, Instant now) {
        if (!status.isUpdating()) {
            return false;
        }
        forgetRequestedUpdate();
        lastUpdateFailure = new UpdateFailure(reason, now);
        if (instanceUsable.orElseGet(() -> statusBeforeChange() == SubscriptionStatus.ACTIVE)) {
            moveTo(SubscriptionStatus.ACTIVE, now, "Update failed, plan " + planId + " and its configuration stay: "
                    + reason);
        } else if (instanceUsable.isPresent()) {
            moveTo(SubscriptionStatus.UNUSABLE, now, "Update failed and left the instance unusable: " + reason);
        } else {
            moveTo(SubscriptionStatus.UNUSABLE, now, "Update failed, the instance stays unusable: " + reason);
        }
        return true;
    }

    /** ACTIVE or UNUSABLE: the status the change under way was requested in. */
    private SubscriptionStatus statusBeforeChange() {
        return statusBefore(SubscriptionStatus::isUpdating, "change");
    }

    /**
     * ACTIVE or UNUSABLE: the status the tenant's suspension found. A suspension while a resumption was under way
     * looks further back, past the suspension that resumption ended.
     */
    private SubscriptionStatus statusBeforeSuspension() {
        return statusBefore(SubscriptionStatus::isSuspension, "suspension");
    }

    /**
     * The status before the step under way. The history keeps it, as every entry has the status it was written in,
     * and those of the step are the latest.
     */
    private SubscriptionStatus statusBefore(Predicate<SubscriptionStatus> ofTheStep, String step) {
        for (int i = history.size() - 1; i >= 0; i--) {
            SubscriptionStatus before = history.get(i).status();
            if (!ofTheStep.test(before)) {
                return before;
            }
        }
        throw new IllegalStateException("Subscription " + id + " has no status before its " + step);
    }

    /**
     * Whether a suspension of the tenant is to reach this instance now: a settled one, or one being resumed (the
     * provider then suspends it after the resumption, one job after the other). One being provisioned or changed is
     * suspended once it is settled.
     */
    public boolean isToBeSuspended() {
        return status.isSettled() || status == SubscriptionStatus.RESUMING;
    }

    /** The tenant is suspended: the provider is asked to lock the instance. */
    public void requestSuspension(Instant now, String detail) {
        requireThat(isToBeSuspended(), "an ACTIVE, UNUSABLE or RESUMING", "suspended");
        moveTo(SubscriptionStatus.SUSPENDING, now, detail);
    }

    /**
     * The instance is locked at the provider, or the provider could not confirm it; it counts as SUSPENDED either
     * way, and the history says which. A SUSPENDED subscription whose suspension was not confirmed takes a
     * confirmation too: the caller has checked that the result is of its latest request, which makes it the result of
     * the failed suspension that an operator retried at the marketplace. It stays SUSPENDED, and the history says that
     * the provider has locked the instance after all.
     *
     * @return false when the event is stale for the current status, and nothing changed
     */
    public boolean suspended(boolean confirmed, String reason, Instant now) {
        if (status == SubscriptionStatus.SUSPENDED) {
            if (!confirmed || !suspensionUnconfirmed) {
                return false;
            }
            suspensionUnconfirmed = false;
            note(now, "Instance suspended at the provider: it has now confirmed the lock");
            return true;
        }
        if (!moveFrom(SubscriptionStatus.SUSPENDING, SubscriptionStatus.SUSPENDED, now,
                confirmation("suspended", confirmed, reason))) {
            return false;
        }
        suspensionUnconfirmed = !confirmed;
        return true;
    }

    /**
     * Whether a reactivation of the tenant is to reach this instance: one suspended (also one whose resumption failed
     * before, so that a new reactivation tries again), or still being suspended.
     */
    public boolean isToBeResumed() {
        return status == SubscriptionStatus.SUSPENDED || status == SubscriptionStatus.SUSPENDING;
    }

    /** The tenant is active again: the provider is asked to unlock the instance (after a suspension still running). */
    public void requestResumption(Instant now, String detail) {
        requireThat(isToBeResumed(), "a SUSPENDED or SUSPENDING", "resumed");
        forgetFailedResumption();
        moveTo(SubscriptionStatus.RESUMING, now, detail);
    }

    /**
     * The instance is unlocked: the subscription is ACTIVE, or UNUSABLE again when a failed update had left it so
     * before the suspension (unlocking repairs nothing). A SUSPENDED subscription takes it too: the caller has
     * checked that the result is of its latest request, which makes it the result of a resumption that failed before
     * and that an operator retried at the marketplace.
     *
     * @return false when the event is stale for the current status, and nothing changed
     */
    public boolean resumed(boolean confirmed, String reason, Instant now) {
        if (!isBeingResumed()) {
            return false;
        }
        forgetFailedResumption();
        String detail = confirmation("resumed", confirmed, reason);
        if (statusBeforeSuspension() == SubscriptionStatus.UNUSABLE) {
            moveTo(SubscriptionStatus.UNUSABLE, now, detail + "; it stays unusable as before the suspension, until "
                    + "another change or a cancellation");
        } else {
            moveTo(SubscriptionStatus.ACTIVE, now, detail);
        }
        return true;
    }

    /** RESUMING, or SUSPENDED after a failed resumption, whose job an operator may still retry. */
    private boolean isBeingResumed() {
        return status == SubscriptionStatus.RESUMING || status == SubscriptionStatus.SUSPENDED;
    }

    /** A SUSPENDED subscription keeps why its resumption failed until it moves on. */
    private void forgetFailedResumption() {
        if (status == SubscriptionStatus.SUSPENDED) {
            failureReason = null;
        }
    }

    /** For the history: what the provider did, or that it did not confirm it, and why. */
    private static String confirmation(String done, boolean confirmed, String reason) {
        return confirmed ? "Instance " + done + " at the provider" : "Instance " + done + ", but the provider did "
                + "not confirm it: " + (reason == null ? "no reason given" : reason);
    }

    /**
     * The tenant's population changed: a price with a per-inhabitant part (and that of a requested plan) is priced
     * anew with its own rates; a flat or offered price stays. A final subscription keeps the price it ended with, and
     * the status keeps its time: an open interest or offer does not expire later for a new price.
     *
     * @param loadedBy who loaded the figures, as the history names actors
     * @return whether a price changed
     */
    public boolean repriceFor(long population, String loadedBy, Instant now) {
        if (status.isFinal()) {
            return false;
        }
        PriceSnapshot before = price;
        boolean current = price.dependsOnPopulation() && price.population() != population;
        boolean requested = updatePrice != null && updatePrice.dependsOnPopulation()
                && updatePrice.population() != population;
        if (!current && !requested) {
            return false;
        }
        String detail = "Population " + (current ? before : updatePrice).population() + " → " + population
                + " (loaded by " + loadedBy + ")";
        if (current) {
            price = price.forPopulation(population);
            detail += ": " + before.describe() + " → " + price.describe();
        }
        if (requested) {
            updatePrice = updatePrice.forPopulation(population);
            detail += "; the requested plan " + updatePlanId + " now costs " + updatePrice.describe();
        }
        note(now, detail);
        return true;
    }

    public void resubmit(Instant now, String detail) {
        if (status != SubscriptionStatus.FAILED) {
            throw new StatusTransitionException("Subscription " + id + " is " + status
                    + "; only a FAILED subscription can be resubmitted");
        }
        failureReason = null;
        moveTo(SubscriptionStatus.REQUESTED, now, detail);
    }

    /**
     * Provisioning, deprovisioning and a change have a status while they run; a suspension or resumption keeps its
     * own (SUSPENDING, RESUMING), so its start changes nothing.
     *
     * @return false when the event is stale for the current status, and nothing changed
     */
    public boolean provisioningStarted(Operation operation, Instant now, String detail) {
        return switch (operation) {
            case PROVISION -> {
                takeUpFailedProvisioning();
                yield moveFrom(SubscriptionStatus.REQUESTED, SubscriptionStatus.PROVISIONING, now, detail);
            }
            case DEPROVISION -> moveFrom(SubscriptionStatus.CANCELLATION_REQUESTED, SubscriptionStatus.DEPROVISIONING,
                    now, detail);
            case UPDATE -> moveFrom(SubscriptionStatus.UPDATE_REQUESTED, SubscriptionStatus.UPDATING, now, detail);
            case SUSPEND -> status == SubscriptionStatus.SUSPENDING;
            case RESUME -> status == SubscriptionStatus.RESUMING;
        };
    }

    /** @return false when the event is stale for the current status, and nothing changed */
    public boolean provisioned(String instanceId, String dashboardUrl, Instant now, String detail) {
        takeUpFailedProvisioning();
        if (!status.isProvisioning()) {
            return false;
        }
        this.instanceId = instanceId;
        this.dashboardUrl = dashboardUrl;
        moveTo(SubscriptionStatus.ACTIVE, now, detail);
        return true;
    }

    /**
     * A FAILED subscription's provisioning goes on when an operator retried its failed job at the marketplace: the
     * caller has checked that the result is of that job, its latest request. It is REQUESTED again, so that the result
     * moves it as a first provisioning's would, and the history says what the marketplace reported.
     */
    private void takeUpFailedProvisioning() {
        if (status == SubscriptionStatus.FAILED) {
            failureReason = null;
            status = SubscriptionStatus.REQUESTED;
        }
    }

    /**
     * A failed provisioning ends the subscription; a failed deprovisioning keeps it DEPROVISIONING with the
     * reason, for an operator to retry the job at the marketplace: the instance may still exist. A failed resumption
     * leaves the instance locked as far as anyone knows: the subscription is SUSPENDED again with the reason, so that
     * it can be cancelled, or taken up by the operator's retry of the job (and a retry that fails too says why).
     * (A change ends with update-failed, a suspension with suspended.)
     *
     * @return false when the event is stale for the current status, and nothing changed
     */
    public boolean provisioningFailed(Operation operation, String reason, Instant now) {
        if (operation == Operation.PROVISION && status.isProvisioning()) {
            failureReason = reason;
            moveTo(SubscriptionStatus.FAILED, now, reason);
            return true;
        }
        if (operation == Operation.DEPROVISION && status.isDeprovisioning()) {
            failureReason = reason;
            moveTo(SubscriptionStatus.DEPROVISIONING, now, reason);
            return true;
        }
        if (operation == Operation.RESUME && isBeingResumed()) {
            failureReason = reason;
            moveTo(SubscriptionStatus.SUSPENDED, now, "Resumption failed, the instance stays suspended: " + reason);
            return true;
        }
        return false;
    }

    /** @return false when the event is stale for the current status, and nothing changed */
    public boolean deprovisioned(Instant now, String detail) {
        if (!status.isDeprovisioning()) {
            return false;
        }
        moveTo(SubscriptionStatus.CANCELLED, now, detail);
        return true;
    }

    private void require(SubscriptionStatus expected, String step) {
        if (status != expected) {
            throw new StatusTransitionException("Subscription " + id + " is " + status + "; only a subscription in "
                    + expected + " can be " + step);
        }
    }

    private void requireThat(boolean allowed, String statuses, String step) {
        if (!allowed) {
            throw new StatusTransitionException("Subscription " + id + " is " + status + "; only " + statuses
                    + " subscription can be " + step);
        }
    }

    private boolean moveFrom(SubscriptionStatus from, SubscriptionStatus to, Instant now, String detail) {
        if (status != from) {
            return false;
        }
        moveTo(to, now, detail);
        return true;
    }

    private void moveTo(SubscriptionStatus next, Instant now, String detail) {
        if (next != status) {
            statusSince = now;
        }
        if (next != SubscriptionStatus.SUSPENDED) {
            // Whatever comes next is a new request, which no retry of the unconfirmed suspension can confirm.
            suspensionUnconfirmed = false;
        }
        status = next;
        note(now, detail);
    }

    /** Something worth telling that does not move the status. */
    private void note(Instant now, String detail) {
        updatedAt = now;
        history.add(new HistoryEntry(status, now, detail));
    }

    private void forgetRequestedUpdate() {
        updatePlanId = null;
        updateParameters = null;
        updatePrice = null;
        updateContract = null;
    }

    public UUID id() {
        return id;
    }

    public Ags ags() {
        return Ags.of(ags);
    }

    public UUID serviceId() {
        return serviceId;
    }

    public String planId() {
        return planId;
    }

    public String parametersJson() {
        return parameters;
    }

    public PriceSnapshot price() {
        return price;
    }

    public Contract contract() {
        return contract == null ? Contract.none() : contract;
    }

    public Optional<Offer> offer() {
        return Optional.ofNullable(offer);
    }

    public Optional<String> declineReason() {
        return Optional.ofNullable(declineReason);
    }

    public SubscriptionStatus status() {
        return status;
    }

    /** The change waiting for the provider, while UPDATE_REQUESTED or UPDATING. */
    public Optional<RequestedUpdate> requestedUpdate() {
        return updatePlanId == null ? Optional.empty()
                : Optional.of(new RequestedUpdate(updatePlanId, updateParameters, updatePrice,
                        updateContract == null ? Contract.none() : updateContract));
    }

    public Optional<UpdateFailure> lastUpdateFailure() {
        return Optional.ofNullable(lastUpdateFailure);
    }

    public long version() {
        return version;
    }

    public String instanceId() {
        return instanceId;
    }

    public String dashboardUrl() {
        return dashboardUrl;
    }

    public String failureReason() {
        return failureReason;
    }

    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant statusSince() {
        return statusSince;
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }
}
