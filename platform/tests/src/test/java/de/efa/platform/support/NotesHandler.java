package de.efa.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.inbox.Consumption;
import de.efa.platform.inbox.EventHandler;
import de.efa.platform.inbox.InboundEvent;
import de.efa.platform.inbox.RejectedEventException;
import de.efa.platform.inbox.UnreadableEventException;
import de.efa.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tests' consumer: events {@code {"note": "…"}} of type {@value #TYPE} become rows of {@code test_effect}. A note
 * "reject" can never be applied; a note "flaky" loses its connection the first time it is applied alone; a record
 * without a value is refused; with a dead-letter topic set, parked records go there too. It remembers the trace the
 * last events were applied in.
 */
@ApplicationScoped
public class NotesHandler implements EventHandler<String> {

    public static final String TYPE = "de.efa.test.noted.v1";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private volatile String deadLetterTopic;
    private final AtomicBoolean flakyFailed = new AtomicBoolean();
    private volatile String lastTraceId;

    public NotesHandler(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public void deadLettersTo(String topic) {
        deadLetterTopic = topic;
    }

    /** The trace id of the span the last events were applied in; null before any, or outside any span. */
    public String lastTraceId() {
        return lastTraceId;
    }

    /** The next "flaky" note applied alone fails once more. */
    public void flakyAgain() {
        flakyFailed.set(false);
    }

    @Override
    public Consumption consumption() {
        Consumption consumption = Consumption.of("notes", Set.of(TYPE));
        return deadLetterTopic == null ? consumption : consumption.deadLettersTo(deadLetterTopic);
    }

    @Override
    public String read(InboundEvent event) throws UnreadableEventException {
        try {
            JsonNode note = json.readTree(event.value()).get("note");
            if (note == null || !note.isTextual()) {
                throw new UnreadableEventException("'note' is missing");
            }
            return note.asText();
        } catch (IOException e) {
            throw new UnreadableEventException("the value is not JSON");
        }
    }

    @Override
    public void apply(List<String> notes) {
        lastTraceId = Tracing.currentTraceId();
        for (String note : notes) {
            if (note.equals("reject")) {
                throw new RejectedEventException("this note can never be applied");
            }
            if (note.equals("flaky") && notes.size() == 1 && flakyFailed.compareAndSet(false, true)) {
                throw new IllegalStateException(new SQLException("Connection refused", "08001"));
            }
            entityManager.createNativeQuery("INSERT INTO test_effect (note) VALUES (?1)")
                    .setParameter(1, note)
                    .executeUpdate();
        }
    }

    /** A note always has a value: one without is parked. */
    @Override
    public Optional<String> tombstone(InboundEvent event) throws UnreadableEventException {
        throw new UnreadableEventException("a note needs a value");
    }
}
