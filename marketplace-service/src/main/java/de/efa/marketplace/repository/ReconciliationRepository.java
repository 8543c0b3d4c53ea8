package de.efa.marketplace.repository;

import de.efa.marketplace.domain.BelievedInstance;
import de.efa.marketplace.domain.ReconciliationRun;
import de.efa.marketplace.domain.RunStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reconciliation runs, and what reconciling needs to know of the jobs. */
@ApplicationScoped
public class ReconciliationRepository implements PanacheRepositoryBase<ReconciliationRun, UUID> {

    /**
     * Every subscription whose last successful job left its instance alive (anything but a deprovisioning), with the
     * plan that job applied and whether it was a suspension. The broker, with its provider, is the service's as the
     * catalog copy knows it now, else the one the job talked to.
     */
    private static final String BELIEVED_LIVE = """
            SELECT subscription_id, instance_id, service_id, plan_id, operation, broker_url, provider_id
            FROM (SELECT DISTINCT ON (j.subscription_id) j.subscription_id, j.instance_id, j.service_id, j.plan_id,
                         j.operation, coalesce(c.broker_url, j.broker_url) AS broker_url,
                         CASE WHEN c.broker_url IS NULL THEN j.provider_id ELSE c.provider_id END AS provider_id
                  FROM provisioning_job j LEFT JOIN catalog_service c ON c.service_id = j.service_id
                  WHERE j.status = 'SUCCEEDED'
                  ORDER BY j.subscription_id, j.seq DESC) last_success
            WHERE operation <> 'DEPROVISION'
            ORDER BY broker_url, subscription_id
            """;

    /** A job of the subscription is unfinished, or finished after the moment given. */
    private static final String CHANGING = """
            SELECT EXISTS (SELECT 1 FROM provisioning_job WHERE subscription_id = ?
                                  AND (status IN ('PENDING', 'IN_PROGRESS') OR finished_at > ?))
            """;

    /** Serialises starting runs across replicas, for the rest of the transaction. */
    private static final String START_LOCK = "SELECT pg_advisory_xact_lock(hashtext('efa-reconciliation-start'))";

    private static final String ABANDON = """
            UPDATE reconciliation_run SET status = 'ABANDONED', finished_at = ?
            WHERE status = 'RUNNING' AND heartbeat_at < ?
            """;

    public List<BelievedInstance> believedLive() {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<BelievedInstance> live = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(BELIEVED_LIVE);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    live.add(new BelievedInstance(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class), rows.getString(4), "SUSPEND".equals(rows.getString(5)),
                            rows.getString(6), rows.getString(7)));
                }
            }
            return live;
        });
    }

    /** Whether the subscription's instance is being changed, or was since {@code since}: then it proves nothing. */
    public boolean changingSince(UUID subscriptionId, Instant since) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(CHANGING)) {
                select.setObject(1, subscriptionId);
                select.setTimestamp(2, Timestamp.from(since));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            }
        });
    }

    /** Holds every other start of a run until this transaction ends. */
    public void lockStarts() {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(START_LOCK)) {
                lock.execute();
            }
        });
    }

    /** Runs still RUNNING whose last heartbeat is older than {@code silentSince} lost their replica: ABANDONED. */
    public void abandonSilentSince(Instant silentSince, Instant now) {
        getEntityManager().createNativeQuery(ABANDON)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(silentSince))
                .executeUpdate();
    }

    public Optional<ReconciliationRun> running() {
        return find("status", RunStatus.RUNNING).firstResultOptional();
    }

    public boolean startedSince(Instant since) {
        return count("startedAt >= ?1", since) > 0;
    }
}
