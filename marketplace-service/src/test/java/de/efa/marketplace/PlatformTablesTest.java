package de.efa.marketplace;

import de.efa.infra.test.SqlProbe;
import de.efa.marketplace.support.OlderSchema;
import de.efa.platform.housekeeping.Housekeeping;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's tables in this service's database: purged after the retention, and reached from older versions. */
@QuarkusTest
class PlatformTablesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Housekeeping housekeeping;

    @Test
    void housekeepingPurgesSentEventsAndProcessedIdsOlderThanTheRetention() throws SQLException {
        String batch = UUID.randomUUID().toString();
        // Unsent rows are parked, so that the relay leaves them alone.
        update("""
                INSERT INTO outbox_event (id, topic, record_key, type, payload, created_at, sent_at, parked_at)
                VALUES (gen_random_uuid(), 'efa.test.housekeeping', ?, 'sent 8 days ago', '{}',
                        now() - interval '8 days', now() - interval '8 days', NULL),
                       (gen_random_uuid(), 'efa.test.housekeeping', ?, 'sent yesterday', '{}',
                        now() - interval '8 days', now() - interval '1 day', NULL),
                       (gen_random_uuid(), 'efa.test.housekeeping', ?, 'never sent', '{}',
                        now() - interval '30 days', NULL, now())""", batch, batch, batch);
        update("""
                INSERT INTO processed_event (ce_id, type, processed_at)
                VALUES (gen_random_uuid(), ?, now() - interval '8 days'), (gen_random_uuid(), ?, now() - interval '6 days')
                """, batch + " 8 days ago", batch + " 6 days ago");

        housekeeping.forgetOldRows();

        SqlProbe probe = new SqlProbe(dataSource);
        assertThat(probe.single("SELECT string_agg(type, ', ' ORDER BY type) FROM outbox_event WHERE record_key = ?",
                batch)).contains("never sent, sent yesterday");
        assertThat(probe.single("SELECT string_agg(type, ', ') FROM processed_event WHERE type LIKE ?", batch + "%"))
                .contains(batch + " 6 days ago");
    }

    /**
     * A database of the version before the platform (V1, V2: dead letters in {@code dead_letter}) is migrated in a
     * schema of its own, with connections of its own: its dead letters are parked records afterwards, and records
     * are parked there as the platform parks them.
     */
    @Test
    void theDeadLettersOfAnOlderDatabaseBecomeParkedRecords() throws SQLException {
        OlderSchema older = OlderSchema.at("upgrade", "2");
        String schema = older.name();
        UUID letter = UUID.randomUUID();
        update("INSERT INTO " + schema + ".dead_letter (id, topic, kafka_partition, kafka_offset, record_key, payload,"
                + " headers, reason, received_at) VALUES (?, 'efa.onboarding.requests.v1', 2, 17, 'k', 'not json',"
                + " '[[\"ce_type\",\"de.efa.subscription.requested.v1\"]]', 'the value is not JSON',"
                + " now() - interval '1 day')", letter);

        older.upgrade();

        SqlProbe probe = new SqlProbe(dataSource);
        assertThat(probe.single("SELECT reason || ' ' || (parked_at < now() - interval '23 hours') FROM " + schema
                + ".parked_record WHERE id = ?", letter)).contains("the value is not JSON true");
        assertThat(probe.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_name = 'dead_letter'", schema)).isZero();
        assertThat(probe.single("SELECT string_agg(indexname, ', ' ORDER BY indexname) FROM pg_indexes"
                + " WHERE schemaname = ? AND tablename = 'parked_record'", schema))
                .contains("parked_record_newest, parked_record_once, parked_record_pkey");
        // Parked as ParkedRecords parks: without parked_at, once per record.
        String park = "INSERT INTO " + schema + ".parked_record (id, topic, kafka_partition, kafka_offset, headers,"
                + " reason) VALUES (?, 'efa.onboarding.requests.v1', 2, ?, '[]', 'r')"
                + " ON CONFLICT ON CONSTRAINT parked_record_once DO NOTHING";
        assertThat(update(park, UUID.randomUUID(), 17L)).isZero();
        assertThat(update(park, UUID.randomUUID(), 18L)).isEqualTo(1);
        older.close();
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
