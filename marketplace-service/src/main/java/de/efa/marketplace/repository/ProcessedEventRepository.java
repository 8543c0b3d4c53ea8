package de.efa.marketplace.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/** Ids of the events already applied (CloudEvents {@code ce_id}). */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager em;

    public ProcessedEventRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the ids in one batch; says for each, in order, whether it was seen for the first time. */
    public List<Boolean> markProcessed(List<String> eventIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (ce_id) VALUES (?) ON CONFLICT DO NOTHING")) {
                for (String id : eventIds) {
                    insert.setString(1, id);
                    insert.addBatch();
                }
                List<Boolean> fresh = new ArrayList<>();
                for (int count : insert.executeBatch()) {
                    fresh.add(count > 0);
                }
                return fresh;
            }
        });
    }
}
