package de.efa.marketplace.domain;

import de.efa.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The work that one request event asked for: bringing a subscription's instance at the provider's broker into the
 * state asked for. Its id is the request event's {@code ce_id}, and its results carry it as {@code jobId}. The OSB
 * instance id is the subscription id, so however often a job is retried or taken over, the broker sees one
 * instance; and of a subscription's jobs only the oldest unfinished one is driven (docs/state-machines.md).
 */
@Entity
@Table(name = "provisioning_job")
public class ProvisioningJob {

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Enumerated(EnumType.STRING)
    public Operation operation;
    public String ags;
    @Column(name = "tenant_name")
    public String tenantName;
    public String land;
    @Column(name = "service_id")
    public UUID serviceId;
    /** The plan the instance has, or gets: for an UPDATE the target plan. */
    @Column(name = "plan_id")
    public String planId;
    /** For an UPDATE the plan in effect before it (OSB {@code previous_values.plan_id}); null otherwise. */
    @Column(name = "previous_plan_id")
    public String previousPlanId;
    public String parameters;
    /**
     * The W3C traceparent the job was created under, which its broker calls and results continue; null for a job
     * made before jobs kept it.
     */
    public String traceparent;
    /** Who asked for the job, named to the broker in every call; null when no person did. */
    @Column(name = "originating_user_id")
    public String originatingUserId;
    @Column(name = "instance_id")
    public UUID instanceId;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    @Enumerated(EnumType.STRING)
    public JobStep step;
    @Column(name = "broker_url")
    public String brokerUrl;
    /** The provider whose broker is at {@link #brokerUrl}: whom the tokens of the job's calls are for. */
    @Column(name = "provider_id")
    public String providerId;
    @Column(name = "broker_operation")
    public String brokerOperation;
    @Column(name = "dashboard_url")
    public String dashboardUrl;
    @Column(name = "failure_reason")
    public String failureReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "failure_kind")
    public FailureKind failureKind;
    @Column(name = "pending_failure")
    public String pendingFailure;
    public int retries;
    @Column(name = "cleanup_retries")
    public int cleanupRetries;
    @Column(name = "poll_started_at")
    public Instant pollStartedAt;
    /**
     * From when the retry budget of the job's request is counted: its first call, moved later by the time the job
     * waited for a token; null before the first call.
     */
    @Column(name = "budget_from")
    public Instant budgetFrom;
    /** The same for orphan mitigation, from its first call; null outside orphan mitigation. */
    @Column(name = "cleanup_budget_from")
    public Instant cleanupBudgetFrom;
    /** Since when the job's calls got no token from the identity provider; null while they do. */
    @Column(name = "token_wait_since")
    public Instant tokenWaitSince;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_token")
    public UUID leaseToken;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** Set by {@link #start} until a transaction storing the start announces it and commits; never stored. */
    @Transient
    private boolean startToAnnounce;
    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Whether the job asks the broker for something its catalog may not offer: a plan change or a context update. */
    public boolean needsBrokerOffering() {
        return operation == Operation.SUSPEND || operation == Operation.RESUME || changesPlan();
    }

    /** Why the broker must not be asked for this job, by what its catalog offers; empty when it may be asked. */
    public Optional<String> notOfferedBy(BrokerOffering broker) {
        String service = serviceId.toString();
        if (changesPlan() && !broker.planUpdateable(service, previousPlanId)) {
            return Optional.of("the broker's catalog does not let the plan '" + previousPlanId
                    + "' change to another (plan_updateable is not true)");
        }
        boolean contextUpdate = operation == Operation.SUSPEND || operation == Operation.RESUME;
        if (contextUpdate && !broker.allowsContextUpdates(service)) {
            return Optional.of("the broker's catalog does not allow context updates (allow_context_updates is not "
                    + "true), so the instance cannot be " + (operation == Operation.SUSPEND ? "locked" : "unlocked")
                    + " there");
        }
        return Optional.empty();
    }

    /**
     * The plan a poll of the job's last operation names. OSB asks for the plan before an update, since a broker
     * whose update has not completed may still know the instance by it.
     */
    public String planOfLastOperation() {
        return operation == Operation.UPDATE ? previousPlanId : planId;
    }

    private boolean changesPlan() {
        return operation == Operation.UPDATE && !planId.equals(previousPlanId);
    }

    /** Whether the worker holding {@code token} still owns this job; a worker whose lease ran out does not. */
    public boolean heldBy(UUID token) {
        return token.equals(leaseToken);
    }

    /** The broker the job talks to, once it has started. */
    public Broker broker() {
        return new Broker(providerId, brokerUrl);
    }

    public void release() {
        leaseToken = null;
        leaseUntil = null;
    }

    /**
     * PENDING → IN_PROGRESS at {@code broker}: the conversation with it begins. The start is stored with whatever the
     * job's first step comes to, and announced with it where the subscription has a status for the broker's work
     * ({@link #takeStartAnnouncement}).
     */
    public void start(Broker broker, Instant now) {
        this.brokerUrl = broker.url();
        this.providerId = broker.providerId();
        this.status = JobStatus.IN_PROGRESS;
        this.step = JobStep.SEND;
        this.nextAttemptAt = now;
        this.startToAnnounce = operation.announcesStart();
    }

    /**
     * Whether the start is still to be announced; true only once, for the transaction that stores it, unless that
     * transaction {@linkplain #returnStartAnnouncement rolls back}.
     */
    public boolean takeStartAnnouncement() {
        boolean due = startToAnnounce;
        startToAnnounce = false;
        return due;
    }

    /** The transaction that took the start's announcement rolled back: the start is still to be announced. */
    public void returnStartAnnouncement() {
        startToAnnounce = true;
    }

    public void postpone(Instant until) {
        nextAttemptAt = until;
        release();
    }

    public void fail(String reason, Instant now) {
        fail(reason, null, now);
    }

    /**
     * Fails for a reason whose {@code kind} decides what the job reports (null: an ordinary failure). A failed
     * provisioning keeps no dashboard URL: the broker named it before the outcome was known, and orphan mitigation may
     * have deleted its instance since, so the operator's job view would show a dead link.
     */
    public void fail(String reason, FailureKind kind, Instant now) {
        status = JobStatus.FAILED;
        if (operation == Operation.PROVISION) {
            dashboardUrl = null;
        }
        failureReason = reason;
        failureKind = kind;
        pendingFailure = null;
        finishedAt = now;
        release();
    }

    public void succeed(Instant now) {
        status = JobStatus.SUCCEEDED;
        finishedAt = now;
        release();
    }

    /**
     * An operator's retry: a FAILED job goes again from the start, as a new round with a fresh retry budget. It
     * stays the same job, so its results carry the same {@code jobId}.
     */
    public void retry(Instant now) {
        if (status != JobStatus.FAILED) {
            throw ProblemException.conflict("Only a FAILED job can be retried; this one is " + status);
        }
        status = JobStatus.PENDING;
        step = JobStep.SEND;
        brokerOperation = null;
        dashboardUrl = null;
        failureReason = null;
        failureKind = null;
        pendingFailure = null;
        retries = 0;
        cleanupRetries = 0;
        pollStartedAt = null;
        budgetFrom = null;
        cleanupBudgetFrom = null;
        tokenWaitSince = null;
        nextAttemptAt = now;
        requestedAt = now;
        receivedAt = now;
        finishedAt = null;
        release();
    }
}
