package de.efa.marketplace.domain;

import de.efa.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A difference between what the marketplace believes of a subscription's instance and what its broker holds, with
 * the evidence (JSON: what was believed, what the broker answered), open until an operator resolves it. Of each
 * subscription and kind only one finding is open at a time (a database constraint), so that a difference seen again
 * is not recorded twice.
 */
@Entity
@Table(name = "finding")
public class Finding {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private FindingKind kind;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "broker_url")
    private String brokerUrl;
    private String evidence;
    @Column(name = "detected_at")
    private Instant detectedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;
    private String note;

    protected Finding() {
    }

    private Finding(FindingKind kind, UUID subscriptionId, String brokerUrl, String evidence, Instant detectedAt) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.subscriptionId = subscriptionId;
        this.brokerUrl = brokerUrl;
        this.evidence = evidence;
        this.detectedAt = detectedAt;
    }

    /** A new, open finding; {@code evidence} is JSON text. */
    public static Finding open(FindingKind kind, UUID subscriptionId, String brokerUrl, String evidence,
                               Instant detectedAt) {
        return new Finding(kind, subscriptionId, brokerUrl, evidence, detectedAt);
    }

    /** An operator has dealt with it; a resolved finding stays resolved. */
    public void resolve(String by, String why, Instant now) {
        if (resolvedAt != null) {
            throw ProblemException.conflict("Finding " + id + " was resolved already, at " + resolvedAt + " by "
                    + resolvedBy);
        }
        resolvedAt = now;
        resolvedBy = by;
        note = why;
    }

    public UUID id() {
        return id;
    }

    public FindingKind kind() {
        return kind;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public String evidence() {
        return evidence;
    }

    public Instant detectedAt() {
        return detectedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String note() {
        return note;
    }
}
