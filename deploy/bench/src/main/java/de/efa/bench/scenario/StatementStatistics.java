package de.efa.bench.scenario;

import de.efa.bench.report.Report;
import de.efa.stack.Stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL spent its time on over a stretch of a run: the statements of all databases by their total execution
 * time, from {@code pg_stat_statements}, which every PostgreSQL of the stack loads. The CPU meter says how much
 * PostgreSQL took; this says for which statements, and which service sent them.
 */
final class StatementStatistics {

    private static final String TOP = """
            SELECT d.datname, s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g')
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            ORDER BY s.total_exec_time DESC
            LIMIT ?
            """;

    private final Stack stack;

    private StatementStatistics(Stack stack) {
        this.stack = stack;
    }

    /** Forgets what was counted so far (the stack's start, the data set up before the stretch). */
    static StatementStatistics start(BenchStack stack) {
        StatementStatistics statistics = new StatementStatistics(stack.stack());
        statistics.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "SELECT pg_stat_statements_reset()");
        return statistics;
    }

    /** The {@code limit} statements that took PostgreSQL longest since {@link #start}, one line each. */
    void report(Report report, int limit, long units, String unit) {
        try (Connection connection = connect(); PreparedStatement top = connection.prepareStatement(TOP)) {
            top.setInt(1, limit);
            try (ResultSet rows = top.executeQuery()) {
                report.line("PostgreSQL's %d longest statements (pg_stat_statements, execution time only):", limit);
                while (rows.next()) {
                    String query = rows.getString(5);
                    report.line("  %-12s %8d calls %8.0f ms (%.2f ms/%s) %8d rows  %s", rows.getString(1),
                            rows.getLong(2), rows.getDouble(3), rows.getDouble(3) / units, unit, rows.getLong(4),
                            query.length() > 140 ? query.substring(0, 140) + " …" : query);
                }
            }
        } catch (SQLException e) {
            report.line("PostgreSQL's statements could not be read: %s", e.getMessage());
        }
    }

    private void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements is not available: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        // The statements of every database are read from the server's own.
        return stack.connect("postgres");
    }
}
