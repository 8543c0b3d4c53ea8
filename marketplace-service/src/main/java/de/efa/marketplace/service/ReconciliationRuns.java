package de.efa.marketplace.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.config.ReconciliationConfig;
import de.efa.marketplace.domain.BelievedInstance;
import de.efa.marketplace.domain.FindingKind;
import de.efa.marketplace.domain.ReconciliationRun;
import de.efa.marketplace.domain.RunStatus;
import de.efa.marketplace.repository.ReconciliationRepository;
import de.efa.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The short transactions of a reconciliation run, around its broker calls. */
@ApplicationScoped
public class ReconciliationRuns {

    private static final Logger LOG = Logger.getLogger(ReconciliationRuns.class);

    private final ReconciliationRepository runs;
    private final Findings findings;
    private final ReconciliationConfig config;
    private final ObjectMapper json;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public ReconciliationRuns(ReconciliationRepository runs, Findings findings, ReconciliationConfig config,
                              ObjectMapper json, AuditTrail auditTrail, Clock clock) {
        this.runs = runs;
        this.findings = findings;
        this.config = config;
        this.json = json;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The run that answers a request: a new one ({@code started}), or the one that is running already. */
    public record Start(ReconciliationRun run, boolean started) {
    }

    /**
     * Starts a run unless one is running (that one answers, and nothing is audited), across replicas. A scheduled
     * run does not start at all within the scheduled gap after another run started, so that replicas firing
     * together run it once.
     */
    @Transactional
    public Optional<Start> start(String requestedBy, boolean scheduled) {
        Instant now = clock.instant();
        runs.lockStarts();
        runs.abandonSilentSince(now.minus(config.abandonedAfter()), now);
        Optional<ReconciliationRun> running = runs.running();
        if (running.isPresent()) {
            return scheduled ? Optional.empty() : Optional.of(new Start(running.get(), false));
        }
        if (scheduled && runs.startedSince(now.minus(config.scheduledGap()))) {
            return Optional.empty();
        }
        ReconciliationRun run = ReconciliationRun.start(requestedBy, now);
        runs.persist(run);
        auditTrail.record(scheduled ? Audited.SYSTEM : auditTrail.actor(), "reconciliation.start",
                Audited.reconciliation(run.id()), run.status().name());
        return Optional.of(new Start(run, true));
    }

    @Transactional
    public List<BelievedInstance> believedLive() {
        return runs.believedLive();
    }

    @Transactional
    public Optional<ReconciliationRun> find(UUID id) {
        return runs.findByIdOptional(id);
    }

    /** What a comparison came to, for the run's counts. */
    public enum Outcome {
        /** A job changed the instance meanwhile: what the broker said proves nothing. */
        BUSY,
        /** The broker's answer said nothing about the instance. */
        INCONCLUSIVE,
        AGREES,
        /** At least one difference, each recorded unless its finding is open. */
        DIFFERS
    }

    /**
     * Records the findings a comparison shows, unless a job of the subscription ran since the run started, as the
     * broker's answer then proves nothing (a 404 while a provisioning starts over, a 422 while an update runs).
     */
    @Transactional
    public Recorded record(ReconciliationRun run, BelievedInstance believed, InstanceComparison comparison,
                           BrokerAnswer answer) {
        if (runs.changingSince(believed.subscriptionId(), run.startedAt())) {
            return new Recorded(Outcome.BUSY, 0, 0);
        }
        if (!comparison.conclusive()) {
            return new Recorded(Outcome.INCONCLUSIVE, 0, 0);
        }
        int recorded = 0;
        for (FindingKind kind : comparison.differences()) {
            ObjectNode believedNow = json.createObjectNode()
                    .put("planId", believed.planId()).put("suspended", believed.suspended());
            ObjectNode evidence = findings.evidence(believedNow, answer).put("reconciliationId", run.id().toString());
            if (findings.open(kind, believed.subscriptionId(), believed.brokerUrl(), evidence,
                    Audited.reconciliation(run.id()))) {
                recorded++;
            }
        }
        int differences = comparison.differences().size();
        return new Recorded(differences == 0 ? Outcome.AGREES : Outcome.DIFFERS, recorded, differences - recorded);
    }

    /** A comparison's outcome: how many of its differences were new findings, how many had one open already. */
    public record Recorded(Outcome outcome, int newFindings, int knownFindings) {
    }

    @Transactional
    public void beat(UUID runId) {
        running(runId).ifPresent(run -> run.beat(clock.instant()));
    }

    @Transactional
    public void finish(UUID runId, ReconciliationRun.Tally tally) {
        running(runId).ifPresent(run -> run.finish(tally, clock.instant()));
    }

    @Transactional
    public void fail(UUID runId, String reason) {
        running(runId).ifPresent(run -> run.fail(reason, clock.instant()));
    }

    /** The run while it is RUNNING; one taken as abandoned meanwhile keeps that status. */
    private Optional<ReconciliationRun> running(UUID runId) {
        Optional<ReconciliationRun> run = runs.findByIdOptional(runId, LockModeType.PESSIMISTIC_WRITE)
                .filter(r -> r.status() == RunStatus.RUNNING);
        if (run.isEmpty()) {
            LOG.warnf("reconciliation run %s is no longer RUNNING; what it did last is not stored", runId);
        }
        return run;
    }
}
