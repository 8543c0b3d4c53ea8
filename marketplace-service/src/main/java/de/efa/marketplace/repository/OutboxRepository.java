package de.efa.marketplace.repository;

import de.efa.marketplace.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
            RETURNING id, topic, record_key, type, payload, headers, created_at, seq
            """;

    /** The claimed events come back whole from the one statement that leases them, in the order they were written. */
    public List<OutboxEvent> claim(int limit, Duration lease) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setLong(1, lease.toMillis());
                claim.setInt(2, limit);
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        OutboxEvent event = new OutboxEvent();
                        event.id = rows.getObject(1, UUID.class);
                        event.topic = rows.getString(2);
                        event.recordKey = rows.getString(3);
                        event.type = rows.getString(4);
                        event.payload = rows.getString(5);
                        event.headers = rows.getString(6);
                        event.createdAt = rows.getObject(7, OffsetDateTime.class).toInstant();
                        claimed.add(new Claimed(rows.getLong(8), event));
                    }
                }
                // RETURNING does not keep the subquery's order, and events of one subscription must go out in order.
                return claimed.stream().sorted(Comparator.comparingLong(Claimed::seq)).map(Claimed::event).toList();
            }
        });
    }

    private record Claimed(long seq, OutboxEvent event) {
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
