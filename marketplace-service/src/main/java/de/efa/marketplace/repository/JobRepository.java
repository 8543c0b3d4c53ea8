package de.efa.marketplace.repository;

import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.OnboardingRequest;
import de.efa.marketplace.domain.ProvisioningJob;
import de.efa.platform.tracing.Tracing;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<ProvisioningJob, UUID> {

    /**
     * Takes up to {@code limit} due jobs for one worker. SKIP LOCKED lets replicas claim side by side; a job
     * whose lease ran out (its worker died) is due again. Of each subscription only the oldest unfinished job
     * ({@code seq} order) can be claimed, as the outbox claims only the oldest unsent event of a key: a job that
     * arrives while an older one of its subscription is PENDING or IN_PROGRESS waits until that one has finished,
     * so the broker never sees two operations on one instance at once, however many replicas claim.
     */
    private static final String CLAIM = """
            UPDATE provisioning_job SET lease_token = ?, lease_until = now() + (? * interval '1 millisecond')
            WHERE id IN (
                SELECT j.id FROM provisioning_job j
                WHERE j.status IN ('PENDING', 'IN_PROGRESS') AND j.next_attempt_at <= now()
                  AND (j.lease_until IS NULL OR j.lease_until < now())
                  AND NOT EXISTS (SELECT 1 FROM provisioning_job older
                                  WHERE older.subscription_id = j.subscription_id AND older.seq < j.seq
                                    AND older.status IN ('PENDING', 'IN_PROGRESS'))
                ORDER BY j.next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """;

    /** Every field a worker may change; see {@link #storeIfHeld}. */
    private static final String STORE = """
            UPDATE provisioning_job SET status = ?, step = ?, broker_url = ?, broker_operation = ?, dashboard_url = ?,
                failure_reason = ?, failure_kind = ?, pending_failure = ?, retries = ?, cleanup_retries = ?,
                poll_started_at = ?, next_attempt_at = ?, lease_token = ?, lease_until = ?, finished_at = ?,
                budget_from = ?, cleanup_budget_from = ?, token_wait_since = ?, provider_id = ?
            WHERE id = ? AND lease_token = ?
            """;

    /** The job's id is the request event's ce_id: a redelivered event finds its job and adds nothing. */
    private static final String INSERT_NEW = """
            INSERT INTO provisioning_job (id, subscription_id, operation, ags, tenant_name, land, service_id, plan_id,
                previous_plan_id, parameters, instance_id, originating_user_id, status, step, next_attempt_at,
                requested_at, received_at, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'SEND', now(), ?, now(), ?)
            ON CONFLICT (id) DO NOTHING
            """;

    private static final String LOCK_FAILED = """
            SELECT id FROM provisioning_job WHERE subscription_id = ANY (?) AND status = 'FAILED' ORDER BY id FOR UPDATE
            """;

    private static final String NEWER = """
            SELECT newer.id FROM provisioning_job job
            JOIN provisioning_job newer ON newer.subscription_id = job.subscription_id AND newer.seq > job.seq
            WHERE job.id = ?
            ORDER BY newer.seq DESC
            LIMIT 1
            """;

    /** Rows of the job table written since PostgreSQL last analysed it, as PostgreSQL counts them. */
    public long writtenSinceAnalyze() {
        Number written = (Number) getEntityManager().createNativeQuery(
                "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = 'provisioning_job'::regclass")
                .getSingleResult();
        return written.longValue();
    }

    /** Has PostgreSQL sample the job table anew for its planner, unless it is being analysed already. */
    public void analyze() {
        getEntityManager().createNativeQuery("ANALYZE (SKIP_LOCKED) provisioning_job").executeUpdate();
    }

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
                store.setString(7, job.failureKind == null ? null : job.failureKind.name());
                store.setString(8, job.pendingFailure);
                store.setInt(9, job.retries);
                store.setInt(10, job.cleanupRetries);
                store.setTimestamp(11, timestamp(job.pollStartedAt));
                store.setTimestamp(12, timestamp(job.nextAttemptAt));
                store.setObject(13, job.leaseToken, Types.OTHER);
                store.setTimestamp(14, timestamp(job.leaseUntil));
                store.setTimestamp(15, timestamp(job.finishedAt));
                store.setTimestamp(16, timestamp(job.budgetFrom));
                store.setTimestamp(17, timestamp(job.cleanupBudgetFrom));
                store.setTimestamp(18, timestamp(job.tokenWaitSince));
                store.setString(19, job.providerId);
                store.setObject(20, job.id);
                store.setObject(21, leaseToken);
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

    /**
     * Locks the jobs of these subscriptions that an operator's retry could reopen (the FAILED ones), before new
     * jobs of them are recorded. A retry locks its job too and then refuses it if a newer job exists; so either
     * the retry commits first and the new job queues behind the reopened one, or the new job commits first and
     * the retry sees it. Either way a reopened job is never older than a job that is already running.
     */
    public void lockRetryableOf(Collection<UUID> subscriptionIds) {
        Session session = getEntityManager().unwrap(Session.class);
        session.doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_FAILED)) {
                lock.setArray(1, connection.createArrayOf("uuid", subscriptionIds.toArray()));
                lock.executeQuery().close();
            }
        });
    }

    /**
     * The newest job of the same subscription asked for after this one, if there is any. Without a result class:
     * Hibernate caches a new plan on every call of a native query with a basic (non-entity) one
     * (deploy/bench/README.md).
     */
    public Optional<UUID> newestAfter(UUID jobId) {
        @SuppressWarnings("unchecked")
        List<UUID> newer = getEntityManager().createNativeQuery(NEWER).setParameter(1, jobId)
                .getResultList();
        return newer.stream().findFirst();
    }

    /**
     * Records a job for each request whose event has none yet, in one batch and in the order given, which is the
     * order of the subscription's jobs. Returns, in order, whether each request created a job.
     */
    public List<Boolean> insertNew(List<OnboardingRequest> requests) {
        Session session = getEntityManager().unwrap(Session.class);
        return session.doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
                for (OnboardingRequest r : requests) {
                    insert.setObject(1, r.eventId());
                    insert.setObject(2, r.subscriptionId());
                    insert.setString(3, r.operation().name());
                    insert.setString(4, r.ags().value());
                    insert.setString(5, r.tenantName());
                    insert.setString(6, r.land().value());
                    insert.setObject(7, r.serviceId());
                    insert.setString(8, r.planId());
                    insert.setString(9, r.previousPlanId());
                    insert.setString(10, r.parameters());
                    // The OSB instance id is the subscription id: every retry addresses the same instance.
                    insert.setObject(11, r.subscriptionId());
                    insert.setString(12, r.originatingUserId());
                    insert.setTimestamp(13, Timestamp.from(r.requestedAt()));
                    // The request's trace; a record without one gets the trace the inbox applies it in.
                    insert.setString(14, r.traceparent() != null ? r.traceparent()
                            : Tracing.currentTraceparent().orElse(null));
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

    /**
     * The newest job of another subscription of the same municipality and service, recorded after this job
     * ({@code seq} order: a retry moves {@code received_at}, never {@code seq}), if there is any.
     */
    public Optional<ProvisioningJob> newestOfAnotherSubscriptionAfter(UUID jobId) {
        @SuppressWarnings("unchecked")
        List<ProvisioningJob> newer = getEntityManager().createNativeQuery("""
                SELECT newer.* FROM provisioning_job job
                JOIN provisioning_job newer ON newer.ags = job.ags AND newer.service_id = job.service_id
                    AND newer.subscription_id <> job.subscription_id AND newer.seq > job.seq
                WHERE job.id = ?
                ORDER BY newer.seq DESC
                LIMIT 1
                """, ProvisioningJob.class).setParameter(1, jobId).getResultList();
        return newer.stream().findFirst();
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
