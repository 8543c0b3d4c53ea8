package de.efa.platform.housekeeping;

import de.efa.platform.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;
    @Inject
    Sql sql;

    @Test
    void audit_entries_are_kept_for_good() {
        UUID old = UUID.randomUUID();
        sql.update("INSERT INTO audit_entry (id, at, actor, actor_role, action, target_type, target_id, outcome) "
                + "VALUES (?, now() - interval '3 years', 'operator', 'operator', 'thing.create', 'thing', 'x', "
                + "'created')", old);

        housekeeping.forgetOldRows();

        assertThat(exists("audit_entry", "id", old)).isTrue();
    }

    @Test
    void sent_events_and_processed_ids_older_than_the_retention_are_forgotten() {
        UUID oldSent = outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
        UUID recentSent = outboxRow("now() - interval '8 days'", "now() - interval '1 day'");
        UUID oldUnsent = outboxRow("now() - interval '30 days'", null);
        UUID oldProcessed = processed("now() - interval '8 days'");
        UUID recentProcessed = processed("now() - interval '6 days'");

        housekeeping.forgetOldRows();

        assertThat(exists("outbox_event", "id", oldSent)).isFalse();
        assertThat(exists("outbox_event", "id", recentSent)).isTrue();
        assertThat(exists("outbox_event", "id", oldUnsent)).isTrue();
        assertThat(exists("processed_event", "ce_id", oldProcessed)).isFalse();
        assertThat(exists("processed_event", "ce_id", recentProcessed)).isTrue();
    }

    private UUID outboxRow(String createdAt, String sentAt) {
        UUID id = UUID.randomUUID();
        // Parked when unsent, so that the relay leaves it alone: its topic does not exist.
        sql.update("INSERT INTO outbox_event (id, topic, record_key, type, payload, created_at, sent_at, parked_at) "
                + "VALUES (?, 'platform.test.housekeeping', 'k', 't', '{}', " + createdAt + ", " + sentAt + ", "
                + (sentAt == null ? "now()" : "NULL") + ")", id);
        return id;
    }

    private UUID processed(String at) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO processed_event (ce_id, type, processed_at) VALUES (?, 't', " + at + ")", id);
        return id;
    }

    private boolean exists(String table, String column, UUID id) {
        return sql.count("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", id) == 1;
    }
}
