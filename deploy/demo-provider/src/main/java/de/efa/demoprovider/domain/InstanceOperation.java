package de.efa.demoprovider.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One asynchronous provisioning, update or deprovisioning. It ends when {@code dueAt} has passed and the completion
 * worker picks it up, so an operation running when the provider stops still ends after a restart. An update holds
 * its target, which the completion worker gives the instance only when the update succeeds.
 */
@Entity
@Table(name = "instance_operation")
public class InstanceOperation {

    private static final String REMOVED_AT_PROVIDER =
            "The demo SaaS instance was removed at the provider, outside the platform";

    @Id
    private UUID id;
    private String instanceId;
    @Enumerated(EnumType.STRING)
    private OperationKind kind;
    @Enumerated(EnumType.STRING)
    private OperationState state;
    private String plannedFailure;
    private String description;
    private Instant requestedAt;
    private Instant dueAt;
    private Instant finishedAt;
    private String targetPlanId;
    @JdbcTypeCode(SqlTypes.JSON)
    private ObjectNode targetParameters;
    @JdbcTypeCode(SqlTypes.JSON)
    private ObjectNode targetContext;
    private Boolean targetSuspended;
    private Boolean usableIfFailed;

    protected InstanceOperation() {
    }

    static InstanceOperation start(InstanceId instanceId, OperationKind kind, Optional<String> plannedFailure,
                                   Instant now, Duration takes) {
        InstanceOperation operation = new InstanceOperation();
        operation.id = UUID.randomUUID();
        operation.instanceId = instanceId.value();
        operation.kind = kind;
        operation.state = OperationState.IN_PROGRESS;
        operation.plannedFailure = plannedFailure.orElse(null);
        operation.description = kind.runningDescription();
        operation.requestedAt = now;
        operation.dueAt = now.plus(takes);
        return operation;
    }

    static InstanceOperation startUpdate(InstanceId instanceId, UpdateTarget target, Optional<UpdateFailure> failure,
                                         Instant now, Duration takes) {
        InstanceOperation operation = start(instanceId, OperationKind.UPDATE, failure.map(UpdateFailure::description),
                now, takes);
        operation.targetPlanId = target.planId();
        operation.targetParameters = target.parameters();
        operation.targetContext = target.context();
        operation.targetSuspended = target.suspended();
        operation.usableIfFailed = failure.map(UpdateFailure::instanceUsable).orElse(true);
        return operation;
    }

    /** The record of an instance that vanished at the provider: a deprovisioning that ended as it began. */
    static InstanceOperation removedAtProvider(InstanceId instanceId, Instant now) {
        InstanceOperation operation = start(instanceId, OperationKind.DEPROVISION, Optional.empty(), now, Duration.ZERO);
        operation.state = OperationState.SUCCEEDED;
        operation.description = REMOVED_AT_PROVIDER;
        operation.finishedAt = now;
        return operation;
    }

    /** OSB: a deprovision accepted while another operation runs halts it; so does a removal at the provider. */
    void halt(String because, Instant now) {
        state = OperationState.FAILED;
        description = kind.sentenceName() + " was halted because " + because;
        finishedAt = now;
    }

    public boolean isRunning() {
        return state == OperationState.IN_PROGRESS;
    }

    /** Whether its time has come while it still runs: the next look at it ends it. */
    public boolean isDue(Instant now) {
        return isRunning() && !dueAt.isAfter(now);
    }

    /** How long a platform should wait before polling again: until the operation is due, at least a second. */
    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, dueAt);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    /** Whether a repeated update asks for what this one is doing. */
    public boolean updatesTo(UpdateTarget target) {
        return kind == OperationKind.UPDATE
                && new UpdateTarget(targetPlanId, targetParameters, targetContext, targetSuspended).sameAs(target);
    }

    /** OSB's instance_usable: reported for a failed update only. */
    public Optional<Boolean> instanceUsable() {
        return kind == OperationKind.UPDATE && state == OperationState.FAILED
                ? Optional.of(usableIfFailed)
                : Optional.empty();
    }

    public UUID id() {
        return id;
    }

    public OperationKind kind() {
        return kind;
    }

    public OperationState state() {
        return state;
    }

    public String description() {
        return description;
    }
}
