package de.efa.marketplace.repository;

import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.domain.Operation;
import de.efa.marketplace.domain.ProvisioningJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<ProvisioningJob, UUID> {

    /**
     * Takes up to {@code limit} due jobs for one worker. SKIP LOCKED lets replicas claim side by side; a job
     * whose lease ran out (its worker died) is due again. A deprovisioning waits while the provisioning of
     * the same subscription is still under way, so the broker never sees both at once.
     */
    private static final String CLAIM = """
            UPDATE provisioning_job SET lease_token = ?, lease_until = now() + (? * interval '1 millisecond')
            WHERE id IN (
                SELECT j.id FROM provisioning_job j
                WHERE j.status IN ('PENDING', 'IN_PROGRESS') AND j.next_attempt_at <= now()
                  AND (j.lease_until IS NULL OR j.lease_until < now())
                  AND NOT (j.operation = 'DEPROVISION' AND EXISTS (
                      SELECT 1 FROM provisioning_job p
                      WHERE p.subscription_id = j.subscription_id AND p.operation = 'PROVISION'
                        AND p.status IN ('PENDING', 'IN_PROGRESS')))
                ORDER BY j.next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """;

    /** Every field a worker may change; see {@link #storeIfHeld}. */
    private static final String STORE = """
            UPDATE provisioning_job SET status = ?, step = ?, broker_url = ?, broker_operation = ?, dashboard_url = ?,
                failure_reason = ?, pending_failure = ?, retries = ?, cleanup_retries = ?, poll_started_at = ?,
                next_attempt_at = ?, lease_token = ?, lease_until = ?, finished_at = ?
            WHERE id = ? AND lease_token = ?
            """;

    private static final String INSERT_NEW = """
            INSERT INTO provisioning_job (id, subscription_id, operation, ags, tenant_name, land, service_id, plan_id,
                parameters, instance_id, status, step, next_attempt_at, requested_at, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'SEND', now(), ?, now())
            ON CONFLICT (subscription_id, operation) DO NOTHING
            """;

    /** The claimed jobs come back whole from the one statement that leases them. */
    public List<ProvisioningJob> claimDue(UUID leaseToken, Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<ProvisioningJob> claimed = getEntityManager().createNativeQuery(CLAIM, ProvisioningJob.class)
                .setParameter(1, leaseToken)
                .setParameter(2, lease.toMillis())
                .setParameter(3, limit)
                .getResultList();
        return claimed;
    }

    /**
     * Writes what a worker did to its job, in one statement, only while the worker still holds the job's lease:
     * a worker that was too slow cannot overwrite its successor.
     *
     * @param job the worker's detached copy with its new state
     * @param leaseToken the lease the worker claimed the job with
     * @return false when the job was taken over, and nothing was written
     */
    public boolean storeIfHeld(ProvisioningJob job, UUID leaseToken) {
        // Plain JDBC: Hibernate translates an HQL update anew on every execution, which cost more than the update.
        Session session = getEntityManager().unwrap(Session.class);
        return session.doReturningWork(connection -> {
            try (PreparedStatement store = connection.prepareStatement(STORE)) {
                store.setString(1, job.status.name());
                store.setString(2, job.step.name());
                store.setString(3, job.brokerUrl);
                store.setString(4, job.brokerOperation);
                store.setString(5, job.dashboardUrl);
                store.setString(6, job.failureReason);
                store.setString(7, job.pendingFailure);
                store.setInt(8, job.retries);
                store.setInt(9, job.cleanupRetries);
                store.setTimestamp(10, timestamp(job.pollStartedAt));
                store.setTimestamp(11, timestamp(job.nextAttemptAt));
                store.setObject(12, job.leaseToken, Types.OTHER);
                store.setTimestamp(13, timestamp(job.leaseUntil));
                store.setTimestamp(14, timestamp(job.finishedAt));
                store.setObject(15, job.id);
                store.setObject(16, leaseToken);
                return store.executeUpdate() == 1;
            }
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public Optional<ProvisioningJob> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<ProvisioningJob> lockedFor(UUID subscriptionId, Operation operation) {
        return find("subscriptionId = ?1 and operation = ?2", subscriptionId, operation)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Records a job for each request that has none yet for its subscription and operation, in one batch.
     * Returns, in order, whether each request created a job.
     */
    public List<Boolean> insertNew(List<OnboardingRequest> requests) {
        Session session = getEntityManager().unwrap(Session.class);
        return session.doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
                for (OnboardingRequest r : requests) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, r.subscriptionId());
                    insert.setString(3, r.operation().name());
                    insert.setString(4, r.ags().value());
                    insert.setString(5, r.tenantName());
                    insert.setString(6, r.land().value());
                    insert.setObject(7, r.serviceId());
                    insert.setString(8, r.planId());
                    insert.setString(9, r.parameters());
                    // The OSB instance id is the subscription id: every retry addresses the same instance.
                    insert.setObject(10, r.subscriptionId());
                    insert.setTimestamp(11, Timestamp.from(r.requestedAt()));
                    insert.addBatch();
                }
                List<Boolean> created = new ArrayList<>();
                for (int count : insert.executeBatch()) {
                    created.add(count > 0);
                }
                return created;
            }
        });
    }

    public List<ProvisioningJob> page(JobFilter criteria, int page, int size) {
        Filter filter = Filter.of(criteria);
        return find(filter.query(), Sort.descending("requestedAt").and("id", Sort.Direction.Descending),
                filter.parameters()).page(Page.of(page, size)).list();
    }

    public long count(JobFilter criteria) {
        Filter filter = Filter.of(criteria);
        return count(filter.query(), filter.parameters());
    }

    /** What an operator filters jobs by; null means any. */
    public record JobFilter(JobStatus status, String ags, UUID serviceId, UUID subscriptionId) {
    }

    private record Filter(String query, Parameters parameters) {

        static Filter of(JobFilter criteria) {
            List<String> clauses = new ArrayList<>();
            Parameters parameters = new Parameters();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("status", criteria.status());
            values.put("ags", criteria.ags());
            values.put("serviceId", criteria.serviceId());
            values.put("subscriptionId", criteria.subscriptionId());
            values.forEach((field, value) -> {
                if (value != null) {
                    clauses.add(field + " = :" + field);
                    parameters.and(field, value);
                }
            });
            return new Filter(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
        }
    }
}
