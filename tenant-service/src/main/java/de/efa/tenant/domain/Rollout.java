package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One plan with one configuration for every tenant a selection names, ordered by an operator or a bundler. Its items
 * ({@link RolloutItem}) are its progress; it is DONE once each of them is final. Who ordered it is kept with it, so
 * that each tenant is subscribed in that name whenever the worker gets to it.
 */
@Entity
@Table(name = "rollout")
public class Rollout {

    @Id
    private UUID id;

    @Column(name = "service_id")
    private UUID serviceId;

    @Column(name = "plan_id")
    private String planId;

    @ColumnTransformer(write = "?::jsonb")
    private String parameters;

    @Column(name = "accepted_terms_version")
    private String acceptedTermsVersion;

    @ColumnTransformer(write = "?::jsonb")
    private String selection;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requester_subject")
    private String requesterSubject;

    @Column(name = "requester_role")
    private String requesterRole;

    @Column(name = "bundler_id")
    private String bundlerId;

    @Enumerated(EnumType.STRING)
    private RolloutStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The W3C traceparent of the request that ordered the rollout: its subscriptions continue that trace. */
    private String traceparent;

    protected Rollout() {
    }

    /** Who ordered a rollout: how histories name them, their token's subject and role, and their bundler if any. */
    public record Requester(String describedAs, String subject, String role, Optional<String> bundlerId) {
    }

    public static Rollout start(UUID serviceId, String planId, String parametersJson,
            Optional<String> acceptedTermsVersion, String selectionJson, Requester requester, Instant now) {
        Rollout rollout = new Rollout();
        rollout.id = UUID.randomUUID();
        rollout.serviceId = serviceId;
        rollout.planId = planId;
        rollout.parameters = parametersJson;
        rollout.acceptedTermsVersion = acceptedTermsVersion.orElse(null);
        rollout.selection = selectionJson;
        rollout.requestedBy = requester.describedAs();
        rollout.requesterSubject = requester.subject();
        rollout.requesterRole = requester.role();
        rollout.bundlerId = requester.bundlerId().orElse(null);
        rollout.status = RolloutStatus.RUNNING;
        rollout.createdAt = now;
        return rollout;
    }

    /** Remembers the trace the rollout was ordered in, once; the worker subscribes its tenants in it. */
    public void orderedInTrace(String traceparent) {
        if (this.traceparent == null) {
            this.traceparent = traceparent;
        }
    }

    public Optional<String> traceparent() {
        return Optional.ofNullable(traceparent);
    }

    /** Every item is final: the rollout is over. */
    public void finish(Instant now) {
        if (status != RolloutStatus.RUNNING) {
            throw new StatusTransitionException("Rollout " + id + " is " + status + "; only a RUNNING rollout can "
                    + "finish");
        }
        status = RolloutStatus.DONE;
        finishedAt = now;
    }

    public boolean isRunning() {
        return status == RolloutStatus.RUNNING;
    }

    /** Whether this bundler ordered it; an operator's rollout belongs to no bundler. */
    public boolean isOfBundler(String id) {
        return id.equals(bundlerId);
    }

    public UUID id() {
        return id;
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

    public Optional<String> acceptedTermsVersion() {
        return Optional.ofNullable(acceptedTermsVersion);
    }

    public String selectionJson() {
        return selection;
    }

    public Requester requester() {
        return new Requester(requestedBy, requesterSubject, requesterRole, Optional.ofNullable(bundlerId));
    }

    public RolloutStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }
}
