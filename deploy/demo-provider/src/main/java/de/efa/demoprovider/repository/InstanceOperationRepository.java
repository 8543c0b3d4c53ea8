package de.efa.demoprovider.repository;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceOperation;
import de.efa.demoprovider.domain.OperationKind;
import de.efa.demoprovider.domain.OperationState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InstanceOperationRepository implements PanacheRepositoryBase<InstanceOperation, UUID> {

    /**
     * Ends due operations in a single statement: a batch of them, so that ten thousand instances a minute cost a few
     * statements instead of a transaction each, or one that a platform polls. Rows a request or the completion worker
     * is changing right now are skipped (picked up by the next run, answered as still running). An operation with a
     * planned failure ends failed with that failure as its description. A successful update gives the instance its
     * target; a failed one leaves plan, parameters, context and suspension as they were, and the instance usable or
     * not as the operation says.
     */
    private static final String COMPLETE_DUE = """
            WITH due AS (
                SELECT o.id
                FROM instance_operation o
                JOIN service_instance i ON i.instance_id = o.instance_id
                WHERE o.state = 'IN_PROGRESS' AND o.due_at <= :now %s
                ORDER BY o.due_at
                LIMIT :batch
                FOR UPDATE SKIP LOCKED
            ), finished AS (
                UPDATE instance_operation o
                SET state = CASE WHEN o.planned_failure IS NULL THEN 'SUCCEEDED' ELSE 'FAILED' END,
                    description = COALESCE(o.planned_failure, CASE o.kind
                        WHEN 'PROVISION' THEN :provisioned
                        WHEN 'UPDATE' THEN :updated
                        ELSE :deprovisioned END),
                    finished_at = :now
                FROM due
                WHERE o.id = due.id
                RETURNING o.instance_id, o.kind, o.state, o.usable_if_failed, o.target_plan_id,
                    o.target_parameters, o.target_context, o.target_suspended
            )
            UPDATE service_instance i
            SET state = CASE
                    WHEN f.kind = 'UPDATE' AND f.state = 'FAILED' AND NOT f.usable_if_failed THEN 'UNUSABLE'
                    WHEN f.kind = 'UPDATE' THEN 'PROVISIONED'
                    WHEN f.state = 'FAILED' THEN 'FAILED'
                    WHEN f.kind = 'PROVISION' THEN 'PROVISIONED'
                    ELSE 'DELETED' END,
                plan_id = CASE WHEN f.kind = 'UPDATE' AND f.state = 'SUCCEEDED'
                    THEN f.target_plan_id ELSE i.plan_id END,
                parameters = CASE WHEN f.kind = 'UPDATE' AND f.state = 'SUCCEEDED'
                    THEN f.target_parameters ELSE i.parameters END,
                context = CASE WHEN f.kind = 'UPDATE' AND f.state = 'SUCCEEDED'
                    THEN f.target_context ELSE i.context END,
                suspended = CASE WHEN f.kind = 'UPDATE' AND f.state = 'SUCCEEDED'
                    THEN f.target_suspended ELSE i.suspended END,
                updated_at = :now
            FROM finished f
            WHERE i.instance_id = f.instance_id
            """;

    private static final String COMPLETE_BATCH = COMPLETE_DUE.formatted("");

    private static final String COMPLETE_ONE = COMPLETE_DUE.formatted("AND o.id = :id");

    /** @return how many operations of one batch ended */
    public int completeDue(Instant now, int batchSize) {
        return complete(COMPLETE_BATCH, now, batchSize).executeUpdate();
    }

    /**
     * Ends the operation if it is due, so that a platform polling it once its time has come learns that it ended,
     * instead of polling again until the completion worker has come by; answers it as it is now.
     */
    public InstanceOperation completeIfDue(InstanceOperation operation, Instant now) {
        if (operation.isDue(now)
                && complete(COMPLETE_ONE, now, 1).setParameter("id", operation.id()).executeUpdate() > 0) {
            getEntityManager().refresh(operation);
        }
        return operation;
    }

    private Query complete(String statement, Instant now, int batchSize) {
        return getEntityManager().createNativeQuery(statement)
                .setParameter("now", now)
                .setParameter("batch", batchSize)
                .setParameter("provisioned", OperationKind.PROVISION.doneDescription())
                .setParameter("updated", OperationKind.UPDATE.doneDescription())
                .setParameter("deprovisioned", OperationKind.DEPROVISION.doneDescription());
    }

    public Optional<InstanceOperation> find(UUID id) {
        return findByIdOptional(id);
    }

    /**
     * The operation, if it is one of the instance and the instance belongs to the broker of {@code providerId}: in
     * one query, since polls are the most frequent broker call.
     */
    public Optional<InstanceOperation> findAtBroker(UUID id, InstanceId instance, String providerId) {
        return find("""
                id = ?1 AND instanceId = ?2 AND EXISTS (
                    SELECT 1 FROM ServiceInstance i WHERE i.instanceId = ?2 AND (i.providerId = ?3 OR i.providerId IS NULL))""",
                id, instance.value(), providerId).firstResultOptional();
    }

    /** The operation of the instance that is still running, if any (there is at most one). */
    public Optional<InstanceOperation> runningFor(InstanceId instance) {
        return find("instanceId = ?1 and state = ?2", instance.value(), OperationState.IN_PROGRESS)
                .firstResultOptional();
    }
}
