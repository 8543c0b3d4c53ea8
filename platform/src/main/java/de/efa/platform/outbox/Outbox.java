package de.efa.platform.outbox;

import de.efa.platform.events.HeadersJson;
import de.efa.platform.events.CloudEventHeaders;
import de.efa.platform.events.Header;
import de.efa.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox: a service writes its events here in the transaction of the change they tell of, so an
 * event exists exactly when its change does; the relay sends them once that transaction has committed. Events of one
 * key go out in the order they were written, provided the writer changed (and so locked) the key's aggregate first,
 * as every use case does.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, record_key, type, payload, headers, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private final EntityManager entityManager;
    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final Event<OutboxWritten> written;
    private final String source;

    public Outbox(EntityManager entityManager, OutboxRepository repository, OutboxConfig config,
                  Event<OutboxWritten> written,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.config = config;
        this.written = written;
        this.source = CloudEventHeaders.sourceOf(applicationName);
    }

    /** Writes one event; refuses one larger than Kafka takes ({@link EventTooLargeException}, nothing is written). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID write(String topic, String key, String type, String payload) {
        return writeAll(List.of(OutgoingEvent.of(topic, key, type, payload))).get(0);
    }

    /**
     * Writes events in one round trip, in the order given; answers their ids (the {@code ce_id}s). Each keeps the
     * trace it was written in, which the relay sends on as the record's {@code traceparent}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> writeAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = events.stream().map(event -> UUID.randomUUID()).toList();
        String traceparent = Tracing.currentTraceparent().orElse(null);
        for (int i = 0; i < events.size(); i++) {
            checkSize(ids.get(i), events.get(i), traceparent);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < events.size(); i++) {
                    OutgoingEvent event = events.get(i);
                    insert.setObject(1, ids.get(i));
                    insert.setString(2, event.topic());
                    insert.setString(3, event.key());
                    insert.setString(4, event.type());
                    insert.setString(5, event.payload());
                    insert.setString(6, HeadersJson.write(event.headers()));
                    insert.setString(7, traceparent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten());
        return ids;
    }

    /**
     * Gives a parked event its attempts back, in the caller's transaction; the relay sends it once that commits.
     * Answers false when there is no such parked event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean unpark(UUID id) {
        int unparked = entityManager.createNativeQuery("""
                        UPDATE outbox_event SET parked_at = NULL, attempts = 0, last_error = NULL
                        WHERE id = :id AND parked_at IS NOT NULL AND sent_at IS NULL""")
                .setParameter("id", id)
                .executeUpdate();
        if (unparked == 0) {
            return false;
        }
        written.fire(new OutboxWritten());
        return true;
    }

    /**
     * Gives a parked event up for good, in the caller's transaction: it is deleted unsent, and once that commits the
     * relay sends the later events of its key, which it held back. Answers the event as it was, or nothing when there
     * is no such parked event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ParkedEvent> discard(UUID id) throws SQLException {
        Optional<ParkedEvent> discarded = repository.discardParked(id);
        if (discarded.isPresent()) {
            written.fire(new OutboxWritten());
        }
        return discarded;
    }

    /** Whether {@link #writeAll} would take the event, which it refuses when it is larger than Kafka takes. */
    public boolean fits(OutgoingEvent event) {
        return bytes(UUID.randomUUID(), event, Tracing.currentTraceparent().orElse(null)) <= config.maxEventBytes();
    }

    private void checkSize(UUID id, OutgoingEvent event, String traceparent) {
        long bytes = bytes(id, event, traceparent);
        if (bytes > config.maxEventBytes()) {
            throw new EventTooLargeException(event.type(), bytes, config.maxEventBytes());
        }
    }

    private long bytes(UUID id, OutgoingEvent event, String traceparent) {
        List<Header> headers = event.headers() != null ? event.headers()
                : RelayRecords.cloudEventHeaders(id, source, event.type(), event.key(), Instant.now(), traceparent);
        long bytes = utf8(event.key()) + utf8(event.payload());
        for (Header header : headers) {
            bytes += utf8(header.name()) + utf8(header.value());
        }
        return bytes;
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
