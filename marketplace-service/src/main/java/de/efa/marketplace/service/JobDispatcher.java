package de.efa.marketplace.service;

import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.platform.health.Heartbeats;
import de.efa.platform.loop.WakeableLoop;
import de.efa.platform.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claims due jobs as fast as workers are free and runs each on a bounded pool, so that many jobs wait on
 * brokers at once while the database only ever sees short transactions. Its loop beats on every pass, so that
 * liveness fails when it hangs. A job is advanced in the trace it was created under, so its broker calls and results
 * belong to the trace of the request that asked for it.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);

    private final JobTransitions transitions;
    private final JobDriver driver;
    private final Tracing tracing;
    private final Semaphore freeWorkers;
    private final ExecutorService workers;
    private final WakeableLoop loop;
    private final int claimBatch;
    private final long idlePollNanos;
    private long claimedAt;

    public JobDispatcher(JobTransitions transitions, JobDriver driver, ProvisioningConfig config,
                         Heartbeats heartbeats, Tracing tracing) {
        this.transitions = transitions;
        this.driver = driver;
        this.tracing = tracing;
        this.claimBatch = Math.min(config.claimBatch(), config.concurrency());
        this.idlePollNanos = config.idlePoll().toNanos();
        this.claimedAt = System.nanoTime() - idlePollNanos;
        this.freeWorkers = new Semaphore(config.concurrency());
        this.workers = Executors.newFixedThreadPool(config.concurrency(), workerThreads());
        this.loop = new WakeableLoop("provisioning-dispatcher", config.idlePoll(),
                heartbeats.loop("provisioning-dispatcher"), this::dispatch);
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.stop();
        workers.shutdown();
        try {
            // A job still running after this keeps its lease and is taken over when the lease has run out.
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void onJobsDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsDue event) {
        loop.wake();
    }

    public void wake() {
        loop.wake();
    }

    private boolean dispatch() {
        int free = freeWorkers.availablePermits();
        if (free == 0 || free < claimBatch && System.nanoTime() - claimedAt < idlePollNanos) {
            return false;
        }
        claimedAt = System.nanoTime();
        List<ProvisioningJob> claimed = transitions.claim(free);
        for (ProvisioningJob job : claimed) {
            freeWorkers.acquireUninterruptibly();
            workers.execute(() -> run(job));
        }
        return claimed.size() == free;
    }

    private void run(ProvisioningJob job) {
        try {
            tracing.inSpan("job " + job.operation, SpanKind.INTERNAL, job.traceparent, List.of(), span -> {
                span.setAttribute("efa.job.id", job.id.toString());
                span.setAttribute("efa.subscription.id", String.valueOf(job.subscriptionId));
                driver.advance(job);
                return null;
            });
        } catch (RuntimeException e) {
            // Its lease runs out and the job is claimed again; broker calls are idempotent per OSB.
            LOG.warnf(e, "job %s could not be advanced", job.id);
        } finally {
            freeWorkers.release();
            loop.wake();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "provisioning-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
