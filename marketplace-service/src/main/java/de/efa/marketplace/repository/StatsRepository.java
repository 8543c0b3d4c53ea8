package de.efa.marketplace.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures over all jobs, computed by PostgreSQL where the rows are. */
@ApplicationScoped
public class StatsRepository {

    /** Of every finished job, and of the provisionings that succeeded, from one look at the table. */
    private static final String DURATIONS = """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.95) WITHIN GROUP (ORDER BY d),
                   max(d), count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY d) FILTER (WHERE active),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY d) FILTER (WHERE active),
                   max(d) FILTER (WHERE active), count(*) FILTER (WHERE active)
            FROM (SELECT extract(epoch FROM finished_at - requested_at) * 1000 AS d,
                         operation = 'PROVISION' AND status = 'SUCCEEDED' AS active
                  FROM provisioning_job WHERE finished_at IS NOT NULL) durations
            """;

    private static final String THROUGHPUT = """
            SELECT count(*) FILTER (WHERE finished_at > now() - interval '60 seconds'),
                   extract(epoch FROM max(finished_at) - min(requested_at))
            FROM provisioning_job WHERE finished_at IS NOT NULL
            """;

    /** Every minute of the last hour, also the empty ones, oldest first; the current minute is the last. */
    private static final String PER_MINUTE = """
            SELECT m.minute, count(j.finished_at)
            FROM generate_series(date_trunc('minute', now()) - interval '59 minutes', date_trunc('minute', now()),
                                 interval '1 minute') AS m(minute)
            LEFT JOIN provisioning_job j
              ON j.finished_at >= m.minute AND j.finished_at < m.minute + interval '1 minute'
            GROUP BY m.minute ORDER BY m.minute
            """;

    private final EntityManager em;

    public StatsRepository(EntityManager em) {
        this.em = em;
    }

    public Map<String, Long> countsByStatus() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT status, count(*) FROM provisioning_job GROUP BY status").getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * p50, p95 and max in milliseconds from the request to the result of every finished job, and the same of the
     * provisionings that succeeded: to ACTIVE, without the failures that may have tried for a day, nor changes,
     * suspensions and cancellations. Each with how many jobs it is of; null figures when none.
     */
    public FinishedJobs durations() {
        Object[] row = (Object[]) em.createNativeQuery(DURATIONS).getSingleResult();
        return new FinishedJobs(
                new Durations(asLong(row[0]), asLong(row[1]), asLong(row[2]), ((Number) row[3]).longValue()),
                new Durations(asLong(row[4]), asLong(row[5]), asLong(row[6]), ((Number) row[7]).longValue()));
    }

    public Throughput throughput() {
        Object[] row = (Object[]) em.createNativeQuery(THROUGHPUT).getSingleResult();
        Number span = (Number) row[1];
        return new Throughput(((Number) row[0]).longValue(), span == null ? 0 : span.doubleValue());
    }

    public List<Minute> perMinute() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PER_MINUTE).getResultList();
        List<Minute> minutes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            minutes.add(new Minute(asInstant(row[0]), ((Number) row[1]).longValue()));
        }
        return minutes;
    }

    /** What the JDBC driver and Hibernate make of a {@code timestamptz} depends on their versions. */
    private static Instant asInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a point in time: " + value.getClass());
    }

    private static Long asLong(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    public record Durations(Long p50, Long p95, Long max, long finished) {
    }

    public record FinishedJobs(Durations toResult, Durations toActive) {
    }

    /** Jobs finished in one minute. */
    public record Minute(Instant minute, long finished) {
    }

    /** Jobs finished in the last minute, and seconds from the first request to the last result. */
    public record Throughput(long finishedLastMinute, double spanSeconds) {
    }
}
