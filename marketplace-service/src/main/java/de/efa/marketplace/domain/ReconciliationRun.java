package de.efa.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One comparison of what the marketplace believes with what the brokers hold. It counts what it saw and names the
 * brokers it skipped ({@code skippedBrokers}, JSON); only one run is RUNNING at a time (a database constraint).
 */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun {

    @Id
    private UUID id;
    @Column(name = "requested_by")
    private String requestedBy;
    @Enumerated(EnumType.STRING)
    private RunStatus status;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    /** When the replica running it last said it is alive. */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;
    private int instances;
    private int checked;
    private int findings;
    private int known;
    private int inconclusive;
    private int busy;
    private int skipped;
    @Column(name = "skipped_brokers")
    private String skippedBrokers;
    @Column(name = "failure_reason")
    private String failureReason;

    protected ReconciliationRun() {
    }

    /** A run that starts now; {@code requestedBy} is {@code schedule} or the operator who asked. */
    public static ReconciliationRun start(String requestedBy, Instant now) {
        ReconciliationRun run = new ReconciliationRun();
        run.id = UUID.randomUUID();
        run.requestedBy = requestedBy;
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        run.heartbeatAt = now;
        run.skippedBrokers = "[]";
        return run;
    }

    /** What a run saw: counts of instances, and the brokers it skipped as JSON. */
    public record Tally(int instances, int checked, int findings, int known, int inconclusive, int busy,
                        int skipped, String skippedBrokers) {
    }

    /** The replica running it is alive: it is not to be taken as abandoned. */
    public void beat(Instant now) {
        requireRunning();
        heartbeatAt = now;
    }

    public void finish(Tally tally, Instant now) {
        requireRunning();
        instances = tally.instances();
        checked = tally.checked();
        findings = tally.findings();
        known = tally.known();
        inconclusive = tally.inconclusive();
        busy = tally.busy();
        skipped = tally.skipped();
        skippedBrokers = tally.skippedBrokers();
        status = RunStatus.FINISHED;
        finishedAt = now;
    }

    public void fail(String reason, Instant now) {
        requireRunning();
        status = RunStatus.FAILED;
        failureReason = reason;
        finishedAt = now;
    }

    private void requireRunning() {
        if (status != RunStatus.RUNNING) {
            throw new IllegalStateException("reconciliation run " + id + " is " + status + ", not RUNNING");
        }
    }

    public UUID id() {
        return id;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public RunStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Tally tally() {
        return new Tally(instances, checked, findings, known, inconclusive, busy, skipped, skippedBrokers);
    }

    public String failureReason() {
        return failureReason;
    }
}
