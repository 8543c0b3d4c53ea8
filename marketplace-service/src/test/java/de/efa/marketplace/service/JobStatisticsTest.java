package de.efa.marketplace.service;

import de.efa.marketplace.support.JobRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The job table is analysed once enough of its rows were written, whoever wrote them: here the test itself, past
 * {@code %test.efa.provisioning.analyze-after} (3 rows).
 */
@QuarkusTest
class JobStatisticsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void writtenRowsHaveTheJobTableAnalysed() throws SQLException {
        long before = analyses();
        JobRows rows = new JobRows(dataSource);
        UUID serviceId = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            // Finished deprovisionings: no worker takes them up, and no reconciliation asks a broker about them.
            rows.insert(UUID.randomUUID(), serviceId, "http://localhost:1", "DEPROVISION", "SUCCEEDED", "standard");
        }

        // PostgreSQL counts another session's writes once that session has reported them, within seconds.
        await().atMost(Duration.ofSeconds(30)).until(() -> analyses() > before);
    }

    private long analyses() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT analyze_count FROM pg_stat_user_tables WHERE relid = 'provisioning_job'::regclass")) {
            row.next();
            return row.getLong(1);
        }
    }
}
