package de.efa.tenant.domain;

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
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's use of one service and plan, under the contract its plan asks for. Each move of its status is appended
 * to its history, naming who moved it; a move that the current status does not allow is refused (from a caller) or
 * reported as stale (from a result event). Results count only for the job of its latest request.
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

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

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

    /** Only a running instance can be cancelled; one still being provisioned is cancelled once it is ACTIVE. */
    public void requestCancellation(Instant now, String detail) {
        if (status != SubscriptionStatus.ACTIVE) {
            throw new StatusTransitionException("Subscription " + id + " is " + status
                    + "; only an ACTIVE subscription can be cancelled");
        }
        moveTo(SubscriptionStatus.CANCELLATION_REQUESTED, now, detail);
    }

    public void resubmit(Instant now, String detail) {
        if (status != SubscriptionStatus.FAILED) {
            throw new StatusTransitionException("Subscription " + id + " is " + status
                    + "; only a FAILED subscription can be resubmitted");
        }
        failureReason = null;
        moveTo(SubscriptionStatus.REQUESTED, now, detail);
    }

    /** @return false when the event is stale for the current status, and nothing changed */
    public boolean provisioningStarted(Operation operation, Instant now, String detail) {
        if (operation == Operation.PROVISION && status == SubscriptionStatus.REQUESTED) {
            moveTo(SubscriptionStatus.PROVISIONING, now, detail);
            return true;
        }
        if (operation == Operation.DEPROVISION && status == SubscriptionStatus.CANCELLATION_REQUESTED) {
            moveTo(SubscriptionStatus.DEPROVISIONING, now, detail);
            return true;
        }
        return false;
    }

    /** @return false when the event is stale for the current status, and nothing changed */
    public boolean provisioned(String instanceId, String dashboardUrl, Instant now, String detail) {
        if (!status.isProvisioning()) {
            return false;
        }
        this.instanceId = instanceId;
        this.dashboardUrl = dashboardUrl;
        moveTo(SubscriptionStatus.ACTIVE, now, detail);
        return true;
    }

    /**
     * A failed provisioning ends the subscription; a failed deprovisioning keeps it DEPROVISIONING with the
     * reason, for an operator to retry at the marketplace.
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

    private void moveTo(SubscriptionStatus next, Instant now, String detail) {
        status = next;
        updatedAt = now;
        history.add(new HistoryEntry(next, now, detail));
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

    public String instanceId() {
        return instanceId;
    }

    public String dashboardUrl() {
        return dashboardUrl;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }
}
