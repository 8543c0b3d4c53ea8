package de.efa.marketplace.repository;

import de.efa.marketplace.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** Leases a batch to one relay; SKIP LOCKED lets replicas relay side by side without sending twice. */
    private static final String CLAIM = """
            UPDATE outbox_event SET claimed_until = now() + (? * interval '1 millisecond')
            WHERE id IN (
                SELECT id FROM outbox_event
                WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY seq
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;

    public List<OutboxEvent> claim(int limit, Duration lease) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(CLAIM, UUID.class)
                .setParameter(1, lease.toMillis())
                .setParameter(2, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // Sorted again: RETURNING does not keep the order, and events of one subscription must go out in order.
        @SuppressWarnings("unchecked")
        List<OutboxEvent> events = getEntityManager().createNativeQuery(
                        "SELECT * FROM outbox_event WHERE id IN (:ids) ORDER BY seq", OutboxEvent.class)
                .setParameter("ids", ids)
                .getResultList();
        return events;
    }

    public void markSent(List<UUID> ids) {
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery("UPDATE outbox_event SET sent_at = now() WHERE id IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    public int deleteSentBefore(Duration age) {
        return getEntityManager().createNativeQuery(
                        "DELETE FROM outbox_event WHERE sent_at < now() - (? * interval '1 millisecond')")
                .setParameter(1, age.toMillis())
                .executeUpdate();
    }
}
