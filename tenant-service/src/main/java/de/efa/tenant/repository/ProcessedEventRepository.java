package de.efa.tenant.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The ids of events already applied, so that a redelivered event changes nothing. */
@ApplicationScoped
public class ProcessedEventRepository {

    private static final String MARK = """
            INSERT INTO processed_event (ce_id, type)
            SELECT * FROM unnest(?::uuid[], ?::text[])
            ON CONFLICT (ce_id) DO NOTHING
            RETURNING ce_id
            """;

    private final EntityManager entityManager;

    public ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records a poll's worth of event ids with one statement instead of one each.
     *
     * @param events the id and type of each event; an id may occur more than once
     * @return the ids seen for the first time; the others are duplicates
     */
    public Set<UUID> markProcessed(Collection<Event> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(MARK)) {
                insert.setArray(1, connection.createArrayOf("uuid", events.stream().map(Event::ceId).toArray()));
                insert.setArray(2, connection.createArrayOf("text", events.stream().map(Event::type).toArray()));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }

    /** An event id with its CloudEvents type. */
    public record Event(UUID ceId, String type) {
    }
}
