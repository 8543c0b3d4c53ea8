package de.efa.bench.scenario;

import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the time of a rollout went, from the marketplace-service's own records: how late requests reached it
 * (tenant outbox → Kafka → intake), how long jobs queued before their first broker call, and what the broker
 * calls took. A diagnosis for the report, not a check.
 */
final class PipelineStages {

    private static final String STAGES = """
            WITH first_call AS (SELECT job_id, min(at) AS at FROM job_attempt GROUP BY job_id),
                 start AS (SELECT min(requested_at) AS at FROM provisioning_job)
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.received_at - j.requested_at)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM j.received_at - j.requested_at)),
                   extract(epoch FROM max(j.received_at) - (SELECT at FROM start)),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - j.received_at)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - j.received_at)),
                   extract(epoch FROM max(f.at) - (SELECT at FROM start)),
                   extract(epoch FROM max(j.finished_at) - (SELECT at FROM start))
            FROM provisioning_job j JOIN first_call f ON f.job_id = j.id
            """;
    private static final String CALLS = """
            SELECT action, count(*), coalesce(status, -1) AS status, round(avg(duration_ms)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)
            FROM job_attempt GROUP BY action, coalesce(status, -1) ORDER BY action, status
            """;

    private PipelineStages() {
    }

    static void describe(Report report, BenchStack stack) {
        try (Connection db = stack.stack().connect(Service.MARKETPLACE.database());
             Statement statement = db.createStatement()) {
            try (ResultSet row = statement.executeQuery(STAGES)) {
                row.next();
                report.line("marketplace intake: request → job received p50 %.1f s, p95 %.1f s; last job received %.1f s"
                        + " after the first request", row.getDouble(1), row.getDouble(2), row.getDouble(3));
                report.line("marketplace queue: job received → first broker call p50 %.1f s, p95 %.1f s; last first"
                        + " call %.1f s, last job finished %.1f s after the first request", row.getDouble(4),
                        row.getDouble(5), row.getDouble(6), row.getDouble(7));
            }
            try (ResultSet rows = statement.executeQuery(CALLS)) {
                while (rows.next()) {
                    report.line("broker calls %-34s answer %4d: %6d calls, mean %5d ms, p95 %6.0f ms", rows.getString(1),
                            rows.getInt(3), rows.getLong(2), rows.getLong(4), rows.getDouble(5));
                }
            }
        } catch (SQLException e) {
            report.line("(the marketplace's records could not be read: %s)", e.getMessage());
        }
    }
}
