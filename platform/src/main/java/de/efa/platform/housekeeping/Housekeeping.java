package de.efa.platform.housekeeping;

import de.efa.platform.idempotency.Idempotency;
import de.efa.platform.idempotency.IdempotencyRepository;
import de.efa.platform.inbox.ProcessedEvents;
import de.efa.platform.outbox.OutboxConfig;
import de.efa.platform.outbox.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * Forgets what is no longer needed, in every service alike: sent events and the ids of processed events after the
 * retention ({@code efa.outbox.retention}, 7 days), Idempotency-Keys after their 24 hours. Parked events and records
 * stay until an operator has seen them; audit entries stay for good.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final OutboxRepository outbox;
    private final ProcessedEvents processed;
    private final IdempotencyRepository idempotencyKeys;
    private final OutboxConfig config;

    public Housekeeping(OutboxRepository outbox, ProcessedEvents processed, IdempotencyRepository idempotencyKeys,
                        OutboxConfig config) {
        this.outbox = outbox;
        this.processed = processed;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
    }

    @Scheduled(every = "${efa.housekeeping.every:1h}", delayed = "${efa.housekeeping.delayed:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            Forgotten forgotten = forgetOldRows();
            LOG.debugf("housekeeping: %s", forgotten);
        } catch (RuntimeException e) {
            LOG.warnf("housekeeping failed, the next run tries again: %s", e.toString());
        }
    }

    /** What one run removed. */
    public record Forgotten(int sentEvents, int processedEvents, int idempotencyKeys) {
    }

    @Transactional
    public Forgotten forgetOldRows() {
        try {
            return new Forgotten(outbox.purgeSent(config.retention()), processed.purgeOlderThan(config.retention()),
                    idempotencyKeys.purgeOlderThan(Idempotency.RETENTION));
        } catch (SQLException e) {
            throw new IllegalStateException("old rows could not be removed: " + e.getMessage(), e);
        }
    }
}
