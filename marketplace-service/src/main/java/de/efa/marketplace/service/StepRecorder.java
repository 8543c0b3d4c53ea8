package de.efa.marketplace.service;

import de.efa.marketplace.config.ProvisioningConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stores the workers' steps in shared transactions (a group commit): a worker hands in what its broker call came to
 * and waits until it is committed, while one writer stores whatever steps have gathered, up to
 * {@code efa.provisioning.record-batch}, in one transaction. In a national rollout thousands of calls end every
 * minute, and a transaction of their own each cost more than the calls. A worker is answered only after the commit,
 * so a step is never lost with a crash after it was "done"; a batch that fails is stored step by step, so that one
 * step's failure is that step's alone.
 */
@ApplicationScoped
public class StepRecorder {

    private static final Logger LOG = Logger.getLogger(StepRecorder.class);

    private final JobTransitions transitions;
    private final int batch;
    private final BlockingQueue<Pending> handedIn = new LinkedBlockingQueue<>();
    private final Thread writer;

    private record Pending(JobTransitions.Step step, CompletableFuture<Void> committed) {
    }

    @Inject
    public StepRecorder(JobTransitions transitions, ProvisioningConfig config) {
        this(transitions, config.recordBatch());
    }

    StepRecorder(JobTransitions transitions, int batch) {
        this.transitions = transitions;
        this.batch = batch;
        this.writer = new Thread(this::write, "provisioning-step-writer");
        this.writer.setDaemon(true);
    }

    @PostConstruct
    void start() {
        writer.start();
    }

    /** Stores the step; returns once it is committed, throws what storing it threw. */
    public void record(JobTransitions.Step step) {
        Pending pending = new Pending(step, new CompletableFuture<>());
        handedIn.add(pending);
        try {
            pending.committed().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How many steps wait for the writer. */
    int waiting() {
        return handedIn.size();
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
    }

    private void write() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Pending> steps = new ArrayList<>();
            try {
                steps.add(handedIn.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            handedIn.drainTo(steps, batch - 1);
            store(steps);
        }
    }

    private void store(List<Pending> steps) {
        try {
            transitions.recordAll(steps.stream().map(Pending::step).toList());
            steps.forEach(pending -> pending.committed().complete(null));
        } catch (RuntimeException failed) {
            if (steps.size() > 1) {
                LOG.warnf(failed, "%d steps could not be stored together; each is stored alone", steps.size());
            }
            for (Pending pending : steps) {
                try {
                    transitions.record(pending.step());
                    pending.committed().complete(null);
                } catch (RuntimeException e) {
                    pending.committed().completeExceptionally(e);
                }
            }
        }
    }
}
