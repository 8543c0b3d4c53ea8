package de.efa.tenant.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Idempotency keys and the first answer given under each, per caller. */
@ApplicationScoped
public class IdempotencyRepository {

    private final EntityManager entityManager;

    public IdempotencyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The answer stored under a key, or the hash alone while its first request is still running elsewhere. */
    public record Stored(String requestHash, int status, String location, String body) {
    }

    /**
     * Takes the key for this transaction. A concurrent holder makes this wait until it commits (then the key is
     * not taken here, and its answer is readable) or rolls back (then it is taken here). A key older than the
     * retention counts as free.
     *
     * @return true when this transaction now holds the key
     */
    public boolean take(String caller, String key, String requestHash, Duration retention) {
        entityManager.createNativeQuery("""
                DELETE FROM idempotency_key
                WHERE caller = :caller AND key = :key AND created_at < now() - make_interval(secs => :retention)
                """)
                .setParameter("caller", caller).setParameter("key", key)
                .setParameter("retention", (double) retention.toSeconds())
                .executeUpdate();
        return entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (caller, key, request_hash) VALUES (:caller, :key, :hash)
                ON CONFLICT (caller, key) DO NOTHING
                """)
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", requestHash)
                .executeUpdate() == 1;
    }

    /** @return how many keys older than the retention were removed */
    public int purgeOlderThan(Duration retention) {
        return entityManager.createNativeQuery(
                        "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => :retention)")
                .setParameter("retention", (double) retention.toSeconds())
                .executeUpdate();
    }

    public Optional<Stored> find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT request_hash, status, location, body FROM idempotency_key WHERE caller = :caller AND key = :key
                """, Tuple.class)
                .setParameter("caller", caller).setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Stored(row.get(0, String.class),
                row.get(1, Integer.class), row.get(2, String.class), row.get(3, String.class)));
    }

    public void storeAnswer(String caller, String key, int status, String location, String body) {
        entityManager.createNativeQuery("""
                UPDATE idempotency_key SET status = :status, location = :location, body = :body
                WHERE caller = :caller AND key = :key
                """)
                .setParameter("status", status).setParameter("location", location).setParameter("body", body)
                .setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
    }
}
