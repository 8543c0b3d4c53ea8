package de.efa.platform.service;

import de.efa.platform.inbox.ParkedRecord;
import de.efa.platform.inbox.ParkedRecords;
import de.efa.platform.outbox.OutboxRelay;
import de.efa.platform.outbox.OutboxRepository;
import de.efa.platform.outbox.ParkedEvent;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The operators' view of parked events and records, and the retry of a parked event. */
@ApplicationScoped
public class ParkedWork {

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final ParkedRecords records;

    public ParkedWork(OutboxRepository outbox, OutboxRelay relay, ParkedRecords records) {
        this.outbox = outbox;
        this.relay = relay;
        this.records = records;
    }

    public Page<ParkedEvent> outgoing(Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return database(() -> Page.of(outbox.parked(request.offset(), request.size()), request,
                outbox.countParked()));
    }

    public ParkedEvent retry(UUID id) {
        Optional<ParkedEvent> event = database(() -> outbox.parked(id));
        if (event.isEmpty() || !database(() -> outbox.unpark(id))) {
            throw ProblemException.notFound("There is no parked event " + id);
        }
        relay.wake();
        return event.get();
    }

    public Page<ParkedRecord> incoming(String topic, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size);
        Optional<String> ofTopic = Optional.ofNullable(topic).filter(t -> !t.isBlank());
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
