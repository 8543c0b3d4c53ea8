package de.efa.tenant.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** The ids of events already applied, so that a redelivered event changes nothing. */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager entityManager;

    public ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time an event id is seen, false for a duplicate */
    public boolean markProcessed(UUID ceId, String type) {
        return entityManager.createNativeQuery(
                        "INSERT INTO processed_event (ce_id, type) VALUES (:id, :type) ON CONFLICT (ce_id) DO NOTHING")
                .setParameter("id", ceId)
                .setParameter("type", type)
                .executeUpdate() == 1;
    }
}
