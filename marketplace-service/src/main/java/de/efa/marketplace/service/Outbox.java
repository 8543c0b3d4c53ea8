package de.efa.marketplace.service;

import de.efa.marketplace.domain.OutboxEvent;
import de.efa.marketplace.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Writes records for Kafka into the caller's transaction; the relay sends them once it has committed. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final Event<OutboxWritten> written;

    public Outbox(OutboxRepository repository, Event<OutboxWritten> written) {
        this.repository = repository;
        this.written = written;
    }

    /** {@code headers} null: the relay adds CloudEvents headers; otherwise exactly these are sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String topic, String key, String type, String payload, String headers) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.payload = payload;
        event.headers = headers;
        repository.persist(event);
        written.fire(new OutboxWritten());
    }
}
