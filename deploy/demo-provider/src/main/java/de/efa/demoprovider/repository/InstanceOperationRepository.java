package de.efa.demoprovider.repository;

import de.efa.demoprovider.domain.InstanceOperation;
import de.efa.demoprovider.domain.OperationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InstanceOperationRepository implements PanacheRepositoryBase<InstanceOperation, UUID> {

    /**
     * Ends every due operation of one batch in a single statement, so that ten thousand instances a minute cost a
     * few statements instead of a transaction each. Rows a request is changing right now are skipped and picked up
     * by the next run; an operation with a planned failure ends failed with that failure as its description.
     *
     * @return how many operations ended
     */
    public int completeDue(Instant now, int batchSize) {
        return getEntityManager().createNativeQuery("""
                        WITH due AS (
                            SELECT o.id
                            FROM instance_operation o
                            JOIN service_instance i ON i.instance_id = o.instance_id
                            WHERE o.state = 'IN_PROGRESS' AND o.due_at <= :now
                            ORDER BY o.due_at
                            LIMIT :batch
                            FOR UPDATE SKIP LOCKED
                        ), finished AS (
                            UPDATE instance_operation o
                            SET state = CASE WHEN o.planned_failure IS NULL THEN 'SUCCEEDED' ELSE 'FAILED' END,
                                description = COALESCE(o.planned_failure,
                                    CASE o.kind WHEN 'PROVISION' THEN :provisioned ELSE :deprovisioned END),
                                finished_at = :now
                            FROM due
                            WHERE o.id = due.id
                            RETURNING o.instance_id, o.kind, o.state
                        )
                        UPDATE service_instance i
                        SET state = CASE
                                WHEN f.state = 'FAILED' THEN 'FAILED'
                                WHEN f.kind = 'PROVISION' THEN 'PROVISIONED'
                                ELSE 'DELETED' END,
                            updated_at = :now
                        FROM finished f
                        WHERE i.instance_id = f.instance_id
                        """)
                .setParameter("now", now)
                .setParameter("batch", batchSize)
                .setParameter("provisioned", OperationKind.PROVISION.doneDescription())
                .setParameter("deprovisioned", OperationKind.DEPROVISION.doneDescription())
                .executeUpdate();
    }

    public Optional<InstanceOperation> find(UUID id) {
        return findByIdOptional(id);
    }
}
