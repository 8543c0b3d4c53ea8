package de.efa.tenant.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox. {@link #add} joins the caller's transaction, so an event exists exactly when its
 * change does; the relay's claim and mark are each one autocommitted statement, so no transaction stays open
 * while Kafka is called.
 */
@ApplicationScoped
public class OutboxRepository {

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public OutboxRepository(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /**
     * Plain JDBC on the transaction's connection: a native query through Hibernate would first flush the session
     * and cost several times the insert itself, once per subscribe.
     */
    public void add(OutboxEvent event) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, topic, record_key, type, payload, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                insert.setObject(1, event.id());
                insert.setString(2, event.topic());
                insert.setString(3, event.key());
                insert.setString(4, event.type());
                insert.setString(5, event.payload());
                insert.setTimestamp(6, Timestamp.from(event.createdAt()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Leases up to {@code limit} unsent events, oldest first. Rows another relay holds are skipped; a lease that
     * ran out (its relay died) is taken over.
     */
    public List<OutboxEvent> claim(int limit, Duration lease) throws SQLException {
        String sql = """
                UPDATE outbox_event SET claimed_until = now() + make_interval(secs => ?)
                WHERE id IN (SELECT id FROM outbox_event
                             WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                             ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, topic, record_key, type, payload, created_at
                """;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDouble(1, lease.toMillis() / 1000.0);
            statement.setInt(2, limit);
            List<OutboxEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new OutboxEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant()));
                }
            }
            // RETURNING does not keep the subquery's order; Kafka must see a key's events in the order they happened.
            events.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
            return events;
        }
    }

    public void markSent(Collection<UUID> ids) throws SQLException {
        update("UPDATE outbox_event SET sent_at = now(), claimed_until = NULL WHERE id = ANY (?)", ids);
    }

    /** Gives events whose send failed back at once, so that the next run retries them without waiting for the lease. */
    public void release(Collection<UUID> ids) throws SQLException {
        update("UPDATE outbox_event SET claimed_until = NULL WHERE id = ANY (?) AND sent_at IS NULL", ids);
    }

    private void update(String sql, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            statement.setArray(1, array);
            statement.executeUpdate();
        }
    }
}
