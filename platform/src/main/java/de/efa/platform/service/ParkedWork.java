package de.efa.platform.service;

import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.inbox.ParkedRecord;
import de.efa.platform.inbox.ParkedRecords;
import de.efa.platform.inbox.TopicName;
import de.efa.platform.outbox.Outbox;
import de.efa.platform.outbox.OutboxRepository;
import de.efa.platform.outbox.OutgoingEventDiscarded;
import de.efa.platform.outbox.ParkedEvent;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The operators' view of parked events and records, and the retry and discard of a parked event. */
@ApplicationScoped
public class ParkedWork {

    private final OutboxRepository outbox;
    private final Outbox writer;
    private final ParkedRecords records;
    private final AuditTrail auditTrail;
    private final Event<OutgoingEventDiscarded> discarded;

    public ParkedWork(OutboxRepository outbox, Outbox writer, ParkedRecords records, AuditTrail auditTrail,
                      Event<OutgoingEventDiscarded> discarded) {
        this.outbox = outbox;
        this.writer = writer;
        this.records = records;
        this.auditTrail = auditTrail;
        this.discarded = discarded;
    }

    public Page<ParkedEvent> outgoing(String page, String size) {
        PageRequest request = PageRequest.parse(page, size);
        return database(() -> Page.of(outbox.parked(request.offset(), request.size()), request,
                outbox.countParked()));
    }

    /** Gives the event back to the relay; the operator's retry is audited in the same transaction. */
    @Transactional
    public ParkedEvent retry(UUID id) {
        Optional<ParkedEvent> event = database(() -> outbox.parked(id));
        if (event.isEmpty() || !writer.unpark(id)) {
            throw ProblemException.notFound("There is no parked event " + id);
        }
        auditTrail.record("outgoing-event.retry", AuditRef.of("outgoing-event", id), "queued");
        return event.get();
    }

    /**
     * Gives the event up for good; the later events of its key go out without it. The discard is audited in the same
     * transaction, with what the event was, as its row is gone; then the service's observers of
     * {@link OutgoingEventDiscarded} settle, in that transaction too, what the event was to bring about.
     */
    @Transactional
    public ParkedEvent discard(UUID id) {
        ParkedEvent event = database(() -> writer.discard(id))
                .orElseThrow(() -> ProblemException.notFound("There is no parked event " + id));
        // A dead letter forwarded as it came has no key, which Map.of would refuse.
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", event.topic());
        details.put("key", event.key());
        details.put("type", event.type());
        details.put("attempts", event.attempts());
        details.put("lastError", event.lastError());
        details.put("createdAt", event.createdAt().toString());
        details.put("parkedAt", event.parkedAt().toString());
        auditTrail.record("outgoing-event.discard", AuditRef.of("outgoing-event", id), "discarded", details);
        discarded.fire(new OutgoingEventDiscarded(event));
        return event;
    }

    public Page<ParkedRecord> incoming(String topic, String page, String size) {
        Violations violations = new Violations();
        Optional<String> ofTopic = Optional.ofNullable(topic).filter(t -> !t.isBlank())
                .map(t -> violations.parse("topic", () -> new TopicName(t)))
                .map(TopicName::value);
        PageRequest request = PageRequest.parse(page, size, violations);
        violations.throwIfAny();
        return database(() -> Page.of(records.list(ofTopic, request.offset(), request.size()), request,
                records.count(ofTopic)));
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T database(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new IllegalStateException("the database did not answer: " + e.getMessage(), e);
        }
    }
}
