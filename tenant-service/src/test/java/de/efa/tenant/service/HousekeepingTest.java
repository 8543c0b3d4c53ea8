package de.efa.tenant.service;

import de.efa.platform.housekeeping.Housekeeping;
import de.efa.tenant.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this service's database no longer needs is forgotten: sent request events and the ids of applied results
 * after the retention (7 days), Idempotency-Keys after 24 hours; unsent events stay, however old.
 */
@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    AgroalDataSource dataSource;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @Test
    void sentEventsAndProcessedEventIdsOlderThanTheRetentionArePurgedAndYoungerOnesKept() throws Exception {
        UUID oldSent = outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
        UUID recentSent = outboxRow("now() - interval '8 days'", "now() - interval '1 day'");
        UUID oldUnsent = outboxRow("now() - interval '30 days'", null);
        UUID oldProcessed = processedEvent("now() - interval '8 days'");
        UUID recentProcessed = processedEvent("now() - interval '6 days'");

        Housekeeping.Forgotten forgotten = housekeeping.forgetOldRows();

        assertThat(forgotten.sentEvents()).isGreaterThanOrEqualTo(1);
        assertThat(forgotten.processedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ?", oldSent)).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ?", recentSent)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE id = ?", oldUnsent)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM processed_event WHERE ce_id = ?", oldProcessed)).isZero();
        assertThat(db.count("SELECT count(*) FROM processed_event WHERE ce_id = ?", recentProcessed)).isEqualTo(1);
    }

    @Test
    void keysOlderThan24HoursArePurgedAndYoungerOnesKept() throws Exception {
        String caller = "purge-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key "
                        + "(caller, key, request_hash, status, location, body, created_at) "
                        + "VALUES (?, ?, 'h', 201, '/x', '{}', now() - make_interval(hours => ?))")) {
            for (int hours : new int[] {25, 23}) {
                insert.setString(1, caller);
                insert.setString(2, "k" + hours);
                insert.setInt(3, hours);
                insert.executeUpdate();
            }
        }
        assertThat(housekeeping.forgetOldRows().idempotencyKeys()).isGreaterThanOrEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM idempotency_key WHERE caller = ? AND key = 'k25'", caller)).isZero();
        assertThat(db.count("SELECT count(*) FROM idempotency_key WHERE caller = ? AND key = 'k23'", caller)).isEqualTo(1);
    }

    /** An outbox row; an unsent one is parked, so that the relay leaves it where it is. */
    private UUID outboxRow(String createdAt, String sentAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO outbox_event (id, topic, record_key, type, payload, created_at, sent_at, parked_at) "
                + "VALUES (?, 'tenant.test.housekeeping', 'k', 'de.efa.test.v1', '{}', " + createdAt + ", "
                + (sentAt == null ? "NULL, now()" : sentAt + ", NULL") + ")", id);
        return id;
    }

    private UUID processedEvent(String processedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO processed_event (ce_id, type, processed_at) "
                + "VALUES (?, 'de.efa.instance.provisioned.v1', " + processedAt + ")", id);
        return id;
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }
}
