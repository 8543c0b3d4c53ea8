package de.efa.marketplace.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.Finding;
import de.efa.marketplace.domain.FindingKind;
import de.efa.marketplace.domain.JobAttempt;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.marketplace.repository.AttemptRepository;
import de.efa.marketplace.repository.FindingRepository;
import de.efa.platform.audit.Actor;
import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records findings, each with its evidence: what the marketplace believes of the instance, and what the broker
 * answered ({@code status}, {@code answer}, {@code requestIdentity}; {@code broker} is null where no call was made).
 */
@ApplicationScoped
public class Findings {

    private static final Logger LOG = Logger.getLogger(Findings.class);

    private final FindingRepository findings;
    private final AttemptRepository attempts;
    private final ObjectMapper json;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public Findings(FindingRepository findings, AttemptRepository attempts, ObjectMapper json, AuditTrail auditTrail,
                    Clock clock) {
        this.findings = findings;
        this.attempts = attempts;
        this.json = json;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * What a job that failed for good leaves to look into: a suspension the broker did not confirm (the subscription
     * is suspended here all the same), or an instance orphan mitigation could not remove. {@code last} is the job's
     * last broker call, null when it failed without one. A suspension that succeeds (an operator's retry of the
     * failed one) resolves what its failure left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void jobFinished(ProvisioningJob job, BrokerAnswer last) {
        if (job.status == JobStatus.SUCCEEDED && job.operation == Operation.SUSPEND) {
            suspensionConfirmed(job);
            return;
        }
        if (job.status != JobStatus.FAILED) {
            return;
        }
        ObjectNode believed = json.createObjectNode();
        FindingKind kind;
        if (job.operation == Operation.SUSPEND) {
            kind = FindingKind.SUSPENSION_NOT_CONFIRMED;
            believed.put("planId", job.planId).put("suspended", true);
        } else if (job.failureKind == FailureKind.ORPHAN_LEFT) {
            kind = FindingKind.ORPHAN_LEFT;
            believed.put("exists", false);
        } else {
            return;
        }
        // A job that ended on a call it never made (its broker short-circuited, no token) is evidenced by what the
        // broker said last.
        ObjectNode evidence = last != null && !last.mayHaveReachedBroker()
                ? lastAnswered(job.id).map(attempt -> evidence(believed, attempt.request, attempt.requestIdentity,
                        attempt.status, attempt.answer)).orElseGet(() -> evidence(believed, last))
                : evidence(believed, last);
        evidence.put("jobId", job.id.toString()).put("reason", job.failureReason);
        open(kind, job.subscriptionId, job.brokerUrl, evidence, Audited.job(job.id));
    }

    /**
     * The broker has locked the instance after all, so an open SUSPENSION_NOT_CONFIRMED finding of the subscription
     * no longer holds: an operator would look into a problem that is gone. The marketplace resolves it itself.
     */
    private void suspensionConfirmed(ProvisioningJob job) {
        findings.lockedOpen(job.subscriptionId, FindingKind.SUSPENSION_NOT_CONFIRMED).ifPresent(finding -> {
            LOG.infof("finding %s for subscription %s resolved by the suspension job %s", finding.kind(),
                    job.subscriptionId, job.id);
            resolve(finding, Audited.SYSTEM, Audited.SYSTEM.id(), "Resolved by the marketplace: the suspension job "
                    + job.id + " succeeded, the broker has confirmed the lock");
        });
    }

    /** Resolves an open finding with the note, naming {@code by} as who resolved it, audited as {@code actor}'s. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(Finding finding, Actor actor, String by, String note) {
        finding.resolve(by, note, clock.instant());
        auditTrail.record(actor, "finding.resolve", Audited.finding(finding.id()), "resolved", Map.of("note", note));
    }

    /** Evidence of what was believed and what the broker answered ({@code answer} null: no call was made). */
    public ObjectNode evidence(ObjectNode believed, BrokerAnswer answer) {
        if (answer == null) {
            ObjectNode evidence = json.createObjectNode();
            evidence.set("believed", believed);
            evidence.putNull("broker");
            return evidence;
        }
        return evidence(believed, answer.method() + " " + answer.url(), answer.requestIdentity(), answer.status(),
                answer.summary());
    }

    private ObjectNode evidence(ObjectNode believed, String request, UUID requestIdentity, Integer status,
                                String summary) {
        ObjectNode evidence = json.createObjectNode();
        evidence.set("believed", believed);
        ObjectNode broker = evidence.putObject("broker");
        broker.put("request", request);
        broker.put("requestIdentity", requestIdentity.toString());
        broker.put("status", status);
        broker.set("answer", answerOf(status, summary));
        return evidence;
    }

    private Optional<JobAttempt> lastAnswered(UUID jobId) {
        List<JobAttempt> all = attempts.ofJob(jobId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).status != null) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Records the finding unless one of its subscription and kind is open, audited with what found it (a job, a
     * reconciliation run); returns whether it was recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean open(FindingKind kind, UUID subscriptionId, String brokerUrl, ObjectNode evidence,
                        AuditRef foundBy) {
        Finding finding = Finding.open(kind, subscriptionId, brokerUrl, evidence.toString(), clock.instant());
        boolean recorded = findings.openIfNew(finding);
        if (recorded) {
            LOG.infof("finding %s for subscription %s at %s", kind, subscriptionId, brokerUrl);
            auditTrail.record(Audited.SYSTEM, "finding.record", Audited.finding(finding.id()), "open",
                    Map.of("kind", kind.name(), "subscriptionId", subscriptionId, "foundBy", foundBy.toString()));
        }
        return recorded;
    }

    /** The broker's answer as JSON where it is JSON (so the evidence reads as one document), else as text. */
    private JsonNode answerOf(Integer status, String summary) {
        if (status != null && summary != null) {
            try {
                JsonNode parsed = json.readTree(summary);
                if (parsed != null && parsed.isContainerNode()) {
                    return parsed;
                }
            } catch (IOException notJson) {
                // kept as text below
            }
        }
        return json.getNodeFactory().textNode(summary);
    }
}
