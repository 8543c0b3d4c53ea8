package de.efa.platform.support;

import de.efa.platform.outbox.Outbox;
import de.efa.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** A use case of the tests: writes a row and its events in one transaction, as a service does. */
@ApplicationScoped
public class TestWrites {

    private final Outbox outbox;

    public TestWrites(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public UUID write(String topic, String key, String type, String payload) {
        return outbox.write(topic, key, type, payload);
    }

    /** Any work in one transaction, which rolls back when the work throws. */
    @Transactional
    public void run(Runnable work) {
        work.run();
    }

    @Transactional
    public List<UUID> writeAll(List<OutgoingEvent> events) {
        return outbox.writeAll(events);
    }
}
