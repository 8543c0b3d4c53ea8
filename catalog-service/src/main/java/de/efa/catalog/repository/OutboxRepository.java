package de.efa.catalog.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The transactional outbox: events are written with their change and claimed by the relay in batches. */
@ApplicationScoped
public class OutboxRepository {

    private final EntityManager entityManager;

    public OutboxRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Writes an event in the caller's transaction; {@code clock_timestamp()} keeps the order within it. */
    public UUID append(String topic, String key, String type, String payload) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("INSERT INTO outbox_event (id, topic, record_key, type, payload, created_at) "
                        + "VALUES (:id, :topic, :key, :type, :payload, clock_timestamp())")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("type", type)
                .setParameter("payload", payload)
                .executeUpdate();
        return id;
    }

    /**
     * Claims up to {@code limit} unsent events for {@code lease}, oldest first. Rows another replica holds are
     * skipped, not waited for; a claim that outlives its lease (the claimer died) is taken over.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxRecord> claim(int limit, Duration lease) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        UPDATE outbox_event SET claimed_until = now() + make_interval(secs => :lease)
                        WHERE id IN (SELECT id FROM outbox_event
                                     WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                                     ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, topic, record_key, type, payload, created_at""")
                .setParameter("lease", (double) lease.toMillis() / 1000)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new OutboxRecord((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], instant(row[5])))
                .sorted(Comparator.comparing(OutboxRecord::createdAt))
                .toList();
    }

    public void markSent(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery(
                            "UPDATE outbox_event SET sent_at = now(), claimed_until = NULL WHERE id IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    /** Gives claimed events back at once, so that the next round retries them without waiting for the lease. */
    public void release(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("UPDATE outbox_event SET claimed_until = NULL WHERE id IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    public int deleteSentBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM outbox_event WHERE sent_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
