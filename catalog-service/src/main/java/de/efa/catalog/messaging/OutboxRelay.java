package de.efa.catalog.messaging;

import de.efa.catalog.domain.ServiceChanged;
import de.efa.catalog.config.OutboxConfig;
import de.efa.catalog.repository.OutboxRecord;
import de.efa.catalog.repository.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands outbox events to Kafka (CONTRIBUTING.md, Events): claims a batch in a short transaction, sends it
 * outside any transaction and waits for the acknowledgements, then marks what was sent in a second short
 * transaction. Several replicas can relay at once, as each claims different rows. It runs after each commit
 * that wrote an event and on a schedule, which also retries what a broker outage held back.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final CloudEventSender sender;
    private final OutboxConfig config;
    private final ManagedExecutor executor;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();

    public OutboxRelay(OutboxRepository outbox, CloudEventSender sender, OutboxConfig config, ManagedExecutor executor) {
        this.outbox = outbox;
        this.sender = sender;
        this.config = config;
        this.executor = executor;
    }

    /** One queued wake-up serves every commit before it runs: a provider's move may change thousands of services. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServiceChanged changed) {
        if (wakeQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeQueued.set(false);
                relay();
            });
        }
    }

    @Scheduled(every = "${efa.outbox.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        relay();
    }

    /** Relays until the outbox has nothing left to claim or the broker stops acknowledging. */
    void relay() {
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return;
        }
        try {
            do {
                wokenWhileRunning.set(false);
                relayAll();
            } while (wokenWhileRunning.get());
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox relay round failed; the next round retries");
        } finally {
            running.set(false);
        }
    }

    private void relayAll() {
        while (true) {
            List<OutboxRecord> batch = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.claim(config.batchSize(), config.lease()));
            if (batch.isEmpty()) {
                return;
            }
            List<UUID> sent = sender.send(batch);
            List<UUID> held = new ArrayList<>(batch.stream().map(OutboxRecord::id).toList());
            held.removeAll(sent);
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.markSent(sent);
                outbox.release(held);
            });
            if (!held.isEmpty()) {
                return;
            }
        }
    }
}
