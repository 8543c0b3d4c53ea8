package de.efa.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The ids of events already applied ({@code processed_event}), recorded in the transaction of their effect. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String MARK = """
            INSERT INTO processed_event (ce_id, type)
            SELECT * FROM unnest(?::uuid[], ?::text[])
            ON CONFLICT (ce_id) DO NOTHING
            RETURNING ce_id
            """;

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public ProcessedEvents(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** An event id with its CloudEvents type. */
    record Processed(UUID ceId, String type) {
    }

    /**
     * Records a poll's worth of ids with one statement, in the caller's transaction.
     *
     * @return the ids seen for the first time; the others were applied before
     */
    Set<UUID> markNew(List<Processed> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(MARK)) {
                insert.setArray(1, connection.createArrayOf("uuid", events.stream().map(Processed::ceId).toArray()));
                insert.setArray(2, connection.createArrayOf("text", events.stream().map(Processed::type).toArray()));
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

    /** @return how many ids older than {@code retention} were forgotten */
    public int purgeOlderThan(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(
                     "DELETE FROM processed_event WHERE processed_at < now() - make_interval(secs => ?)")) {
            purge.setDouble(1, retention.toSeconds());
            return purge.executeUpdate();
        }
    }
}
