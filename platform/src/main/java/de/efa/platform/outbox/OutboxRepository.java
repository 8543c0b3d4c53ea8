package de.efa.platform.outbox;

import de.efa.platform.events.HeadersJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The relay's side of the outbox. Each statement commits on its own, so no transaction stays open while Kafka is
 * called; several replicas share the work through the claim's lease and {@code SKIP LOCKED}.
 */
@ApplicationScoped
public class OutboxRepository {

    /**
     * Leases the oldest unsent events, but of each key only the oldest unsent one: a key's next event can only be
     * claimed once the one before it is sent, so no relay, however many run, sends a key out of order. A parked event
     * holds the later ones of its key until an operator retries it: sent ahead of it, they would tell its consumers of
     * a change before the one it tells of. A dead letter forwarded without a key has no order to keep (Kafka spreads
     * keyless records over partitions), and none of them waits for another.
     * <p>
     * {@code OFFSET 0} keeps "is there an older one of its key" a question asked per candidate. Without it PostgreSQL
     * may plan it as a join, and while the table's statistics lag behind a burst of events (a rollout writes
     * thousands at once; a new database has none) it chose a join that compared every candidate with every unsent
     * event: 1.5 s for one claim of 500 among 2,000 unsent events, 7 s among 10,000. Asked per candidate, the same
     * claims took 0.14–0.17 s, and as long as before (30–45 ms) once the statistics are fresh.
     */
    private static final String CLAIM = """
            UPDATE outbox_event SET claimed_until = now() + make_interval(secs => ?)
            WHERE seq IN (
                SELECT o.seq FROM outbox_event o
                WHERE o.sent_at IS NULL AND o.parked_at IS NULL
                  AND (o.claimed_until IS NULL OR o.claimed_until < now())
                  AND NOT EXISTS (SELECT 1 FROM outbox_event older
                                  WHERE older.topic = o.topic AND older.record_key = o.record_key
                                    AND older.seq < o.seq AND older.sent_at IS NULL
                                  OFFSET 0)
                ORDER BY o.seq
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING id, seq, topic, record_key, type, payload, headers, created_at, traceparent
            """;

    private static final String MARK_SENT = """
            UPDATE outbox_event SET sent_at = now(), claimed_until = NULL WHERE id = ANY (?)
            """;

    /** Gives failed events back at once; a refusal of the record itself counts as an attempt, an outage does not. */
    private static final String RELEASE = """
            UPDATE outbox_event o
            SET claimed_until = NULL,
                attempts = o.attempts + f.counted,
                last_error = f.error,
                parked_at = CASE WHEN o.attempts + f.counted >= ? THEN now() END
            FROM unnest(?::uuid[], ?::int[], ?::text[]) AS f(id, counted, error)
            WHERE o.id = f.id AND o.sent_at IS NULL
            RETURNING o.parked_at IS NOT NULL
            """;

    private static final String PARKED_COLUMNS =
            "id, topic, record_key, type, attempts, last_error, created_at, parked_at";

    private static final String SELECT_PARKED = "SELECT " + PARKED_COLUMNS
            + " FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL\n";

    /**
     * Conditional as the retry's unpark is: of a discard and a retry waiting for the same row, the second finds it
     * gone or no longer parked, and a parked event is never in a relay's hands.
     */
    private static final String DISCARD_PARKED = "DELETE FROM outbox_event "
            + "WHERE id = ? AND parked_at IS NOT NULL AND sent_at IS NULL RETURNING " + PARKED_COLUMNS;

    private final AgroalDataSource dataSource;

    public OutboxRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<PendingEvent> claim(int limit, Duration lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setDouble(1, lease.toMillis() / 1000.0);
            claim.setInt(2, limit);
            List<PendingEvent> events = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    events.add(new PendingEvent(rows.getObject(1, UUID.class), rows.getLong(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            HeadersJson.read(rows.getString(7)), rows.getTimestamp(8).toInstant(),
                            rows.getString(9)));
                }
            }
            // RETURNING does not keep the subquery's order.
            events.sort(Comparator.comparingLong(PendingEvent::seq));
            return events;
        }
    }

    void markSent(Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
            mark.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            mark.executeUpdate();
        }
    }

    /** @return how many of the failed events are parked now */
    int release(List<SendFailure> failures, int maxAttempts) throws SQLException {
        if (failures.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setInt(1, maxAttempts);
            release.setArray(2, connection.createArrayOf("uuid", failures.stream().map(SendFailure::id).toArray()));
            release.setArray(3, connection.createArrayOf("int4",
                    failures.stream().map(f -> f.countsAsAttempt() ? 1 : 0).toArray()));
            release.setArray(4, connection.createArrayOf("text", failures.stream().map(SendFailure::error).toArray()));
            int parked = 0;
            try (ResultSet rows = release.executeQuery()) {
                while (rows.next()) {
                    parked += rows.getBoolean(1) ? 1 : 0;
                }
            }
            return parked;
        }
    }

    public List<ParkedEvent> parked(int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_PARKED + """
                     ORDER BY parked_at DESC, seq DESC OFFSET ? LIMIT ?""")) {
            select.setInt(1, offset);
            select.setInt(2, limit);
            return parked(select);
        }
    }

    public Optional<ParkedEvent> parked(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_PARKED + " AND id = ?")) {
            select.setObject(1, id);
            return parked(select).stream().findFirst();
        }
    }

    /**
     * Deletes a parked event, in the caller's transaction; answers it as it was, or nothing when there is no such
     * parked event.
     */
    Optional<ParkedEvent> discardParked(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement discard = connection.prepareStatement(DISCARD_PARKED)) {
            discard.setObject(1, id);
            return parked(discard).stream().findFirst();
        }
    }

    private static List<ParkedEvent> parked(PreparedStatement select) throws SQLException {
        List<ParkedEvent> parked = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                parked.add(new ParkedEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getInt(5), rows.getString(6), instant(rows.getTimestamp(7)),
                        instant(rows.getTimestamp(8))));
            }
        }
        return parked;
    }

    public long countParked() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** @return how many sent events older than {@code retention} were deleted */
    public int purgeSent(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(
                     "DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => ?)")) {
            purge.setDouble(1, retention.toSeconds());
            return purge.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
