package de.efa.catalog.service;

import de.efa.catalog.config.OutboxConfig;
import de.efa.catalog.repository.IdempotencyRepository;
import de.efa.catalog.repository.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Forgets what is no longer needed: sent events after their retention, idempotency keys after 24 hours. */
@ApplicationScoped
public class Housekeeping {

    private final OutboxRepository outbox;
    private final IdempotencyRepository keys;
    private final OutboxConfig config;

    public Housekeeping(OutboxRepository outbox, IdempotencyRepository keys, OutboxConfig config) {
        this.outbox = outbox;
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void forgetOldRows() {
        Instant now = Instant.now();
        outbox.deleteSentBefore(now.minus(config.retention()));
        keys.deleteCreatedBefore(now.minus(IdempotencyService.RETENTION));
    }
}
