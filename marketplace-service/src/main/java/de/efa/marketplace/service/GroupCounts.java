package de.efa.marketplace.service;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts by a key, as one {@code SELECT key, count(*) … GROUP BY key} computes them, for gauges: counted in the
 * database, so that they hold across replicas and restarts, and at most every two seconds, as a scrape reads every
 * gauge at once.
 */
final class GroupCounts {

    private static final Logger LOG = Logger.getLogger(GroupCounts.class);
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(2).toNanos();

    private final AgroalDataSource dataSource;
    private final String query;
    private final Map<String, Long> counts = new HashMap<>();
    private long countedAt;

    GroupCounts(AgroalDataSource dataSource, String query) {
        this.dataSource = dataSource;
        this.query = query;
        this.countedAt = System.nanoTime() - MAX_AGE_NANOS - 1;
    }

    synchronized double count(String key) {
        if (System.nanoTime() - countedAt > MAX_AGE_NANOS) {
            refresh();
        }
        return counts.getOrDefault(key, 0L);
    }

    private void refresh() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            counts.clear();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            countedAt = System.nanoTime();
        } catch (SQLException e) {
            LOG.debugf("counts not refreshed (%s): %s", query, e.getMessage());
        }
    }
}
