package de.efa.bench.scenario;

import de.efa.stack.Service;
import de.efa.stack.Stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Subscriptions by status, read from the tenant-service's database: the benchmark's stopwatch. One small query
 * instead of ten thousand API calls keeps the measuring from loading the system it measures; the results are
 * verified through the API afterwards.
 */
public final class SubscriptionCounts implements AutoCloseable {

    private static final String QUERY = "SELECT status, count(*) FROM subscription GROUP BY status";

    private final Stack stack;
    private Connection connection;

    public SubscriptionCounts(Stack stack) {
        this.stack = stack;
    }

    /** Count per status; empty when the database cannot be read right now. */
    public Map<String, Long> byStatus() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = stack.connect(Service.TENANT.database());
            }
            Map<String, Long> counts = new TreeMap<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            close();
            return Map.of();
        }
    }

    public long count(String status) {
        return byStatus().getOrDefault(status, 0L);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // gone anyway
            }
            connection = null;
        }
    }
}
