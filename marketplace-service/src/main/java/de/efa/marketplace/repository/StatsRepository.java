package de.efa.marketplace.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures over all jobs, computed by PostgreSQL where the rows are. */
@ApplicationScoped
public class StatsRepository {

    private static final String DURATIONS = """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.95) WITHIN GROUP (ORDER BY d),
                   max(d), count(*)
            FROM (SELECT extract(epoch FROM finished_at - requested_at) * 1000 AS d
                  FROM provisioning_job WHERE finished_at IS NOT NULL) durations
            """;

    private static final String THROUGHPUT = """
            SELECT count(*) FILTER (WHERE finished_at > now() - interval '60 seconds'),
                   extract(epoch FROM max(finished_at) - min(requested_at))
            FROM provisioning_job WHERE finished_at IS NOT NULL
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

    /** p50, p95 and max in milliseconds from request to result, and how many jobs finished; null when none. */
    public Durations durations() {
        Object[] row = (Object[]) em.createNativeQuery(DURATIONS).getSingleResult();
        return new Durations(asLong(row[0]), asLong(row[1]), asLong(row[2]), ((Number) row[3]).longValue());
    }

    public Throughput throughput() {
        Object[] row = (Object[]) em.createNativeQuery(THROUGHPUT).getSingleResult();
        Number span = (Number) row[1];
        return new Throughput(((Number) row[0]).longValue(), span == null ? 0 : span.doubleValue());
    }

    private static Long asLong(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    public record Durations(Long p50, Long p95, Long max, long finished) {
    }

    /** Jobs finished in the last minute, and seconds from the first request to the last result. */
    public record Throughput(long finishedLastMinute, double spanSeconds) {
    }
}
