package de.efa.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** First answers to creating requests, per caller and Idempotency-Key ({@code idempotency_key}). */
@ApplicationScoped
public class IdempotencyRepository {

    /** A recorded first answer; {@code status} is null while its request is still being served. */
    record Stored(String requestHash, Integer status, String location, String etag, String body) {
    }

    private final EntityManager entityManager;

    public IdempotencyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Reserves the key for this request, or takes over one older than {@code retention}. A concurrent request with
     * the same key waits here on the primary key until the first one's transaction ends: then the key is not this
     * request's and the first answer is readable, or (the first rolled back) it is. Answers whether it is ours.
     */
    boolean reserve(String caller, String key, String requestHash, Duration retention) {
        List<?> reserved = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_key (caller, key, request_hash, created_at)
                        VALUES (:caller, :key, :hash, now())
                        ON CONFLICT (caller, key) DO UPDATE
                            SET request_hash = EXCLUDED.request_hash, status = NULL, location = NULL, etag = NULL,
                                body = NULL, created_at = EXCLUDED.created_at
                            WHERE idempotency_key.created_at < now() - make_interval(secs => :retention)
                        RETURNING caller""")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("retention", (double) retention.toSeconds())
                .getResultList();
        return !reserved.isEmpty();
    }

    @SuppressWarnings("unchecked")
    Optional<Stored> find(String caller, String key) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, status, location, etag, body FROM idempotency_key
                        WHERE caller = :caller AND key = :key""")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Stored((String) row[0],
                row[1] == null ? null : ((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                (String) row[4]));
    }

    void record(String caller, String key, Answer answer) {
        entityManager.createNativeQuery("""
                        UPDATE idempotency_key SET status = :status, location = :location, etag = :etag, body = :body
                        WHERE caller = :caller AND key = :key""")
                .setParameter("status", answer.status())
                .setParameter("location", answer.location())
                .setParameter("etag", answer.etag())
                .setParameter("body", answer.body())
                .setParameter("caller", caller)
                .setParameter("key", key)
                .executeUpdate();
    }

    /** @return how many keys older than the retention were removed */
    public int purgeOlderThan(Duration retention) {
        return entityManager.createNativeQuery(
                        "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => :retention)")
                .setParameter("retention", (double) retention.toSeconds())
                .executeUpdate();
    }
}
