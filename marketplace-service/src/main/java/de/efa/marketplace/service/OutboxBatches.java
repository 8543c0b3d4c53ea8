package de.efa.marketplace.service;

import de.efa.marketplace.config.OutboxConfig;
import de.efa.marketplace.domain.OutboxEvent;
import de.efa.marketplace.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The relay's two short transactions around a send: lease a batch, then mark what Kafka acknowledged. */
@ApplicationScoped
public class OutboxBatches {

    private final OutboxRepository repository;
    private final OutboxConfig config;

    public OutboxBatches(OutboxRepository repository, OutboxConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @Transactional
    public List<OutboxEvent> claim() {
        return repository.claim(config.batchSize(), config.lease());
    }

    @Transactional
    public void markSent(List<UUID> ids) {
        repository.markSent(ids);
    }

    @Transactional
    public int purgeSent() {
        return repository.deleteSentBefore(config.retention());
    }
}
