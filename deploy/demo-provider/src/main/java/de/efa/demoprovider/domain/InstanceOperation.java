package de.efa.demoprovider.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One asynchronous provisioning or deprovisioning. It ends when {@code dueAt} has passed and the completion worker
 * picks it up, so an operation running when the provider stops still ends after a restart.
 */
@Entity
@Table(name = "instance_operation")
public class InstanceOperation {

    private static final String HALTED = "Provisioning was halted because the instance is being deprovisioned";

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

    /** OSB: a deprovision accepted during provisioning halts the provisioning. */
    void halt(Instant now) {
        state = OperationState.FAILED;
        description = HALTED;
        finishedAt = now;
    }

    public boolean isRunning() {
        return state == OperationState.IN_PROGRESS;
    }

    /** How long a platform should wait before polling again: until the operation is due, at least a second. */
    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, dueAt);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    public boolean belongsTo(InstanceId instance) {
        return instanceId.equals(instance.value());
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
