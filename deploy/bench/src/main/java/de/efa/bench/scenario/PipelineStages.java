package de.efa.bench.scenario;

import de.efa.bench.report.Report;
import de.efa.stack.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the time of a rollout went, from the marketplace-service's own records: how late requests reached it
 * (tenant outbox → Kafka → intake), how long jobs queued before their first broker call, and what the broker
 * calls took. A diagnosis for the report, not a check.
 */
final class PipelineStages {

    private static final String STAGES = """
            WITH job AS (SELECT * FROM provisioning_job WHERE service_id::text LIKE ?),
                 first_call AS (SELECT job_id, min(at) AS at FROM job_attempt WHERE job_id IN (SELECT id FROM job)
                                GROUP BY job_id),
                 start AS (SELECT min(requested_at) AS at FROM job)
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.received_at - j.requested_at)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM j.received_at - j.requested_at)),
                   extract(epoch FROM max(j.received_at) - (SELECT at FROM start)),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - j.received_at)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - j.received_at)),
                   extract(epoch FROM max(f.at) - (SELECT at FROM start)),
                   extract(epoch FROM max(j.finished_at) - (SELECT at FROM start))
            FROM job j JOIN first_call f ON f.job_id = j.id
            """;
    private static final String CALLS = """
            SELECT action, count(*), coalesce(status, -1) AS status, round(avg(duration_ms)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)
            FROM job_attempt
            WHERE job_id IN (SELECT id FROM provisioning_job WHERE service_id::text LIKE ?)
            GROUP BY action, coalesce(status, -1) ORDER BY action, status
            """;

    /** The jobs are chosen by a {@code LIKE} pattern of their service's id: this one matches every service. */
    private static final String EVERY_SERVICE = "%";

    private PipelineStages() {
    }

    static void describe(Report report, BenchStack stack) {
        describe(report, stack, EVERY_SERVICE);
    }

    /** As {@link #describe(Report, BenchStack)}, of the jobs of one service (a rollout beside others). */
    static void describe(Report report, BenchStack stack, String serviceId) {
        try (Connection db = stack.stack().connect(Service.MARKETPLACE.database());
             PreparedStatement stages = db.prepareStatement(STAGES);
             PreparedStatement calls = db.prepareStatement(CALLS)) {
            stages.setString(1, serviceId);
            calls.setString(1, serviceId);
            try (ResultSet row = stages.executeQuery()) {
                row.next();
                report.line("marketplace intake: request → job received p50 %.1f s, p95 %.1f s; last job received %.1f s"
                        + " after the first request", row.getDouble(1), row.getDouble(2), row.getDouble(3));
                report.line("marketplace queue: job received → first broker call p50 %.1f s, p95 %.1f s; last first"
                        + " call %.1f s, last job finished %.1f s after the first request", row.getDouble(4),
                        row.getDouble(5), row.getDouble(6), row.getDouble(7));
            }
            try (ResultSet rows = calls.executeQuery()) {
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
