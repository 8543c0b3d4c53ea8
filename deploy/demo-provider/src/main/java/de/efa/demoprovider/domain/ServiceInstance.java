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

/** A demo SaaS instance as the platform asked for it, with the operation that currently describes it. */
@Entity
@Table(name = "service_instance")
public class ServiceInstance {

    @Id
    private String instanceId;
    private String serviceId;
    private String planId;
    @JdbcTypeCode(SqlTypes.JSON)
    private ObjectNode context;
    @JdbcTypeCode(SqlTypes.JSON)
    private ObjectNode parameters;
    @Enumerated(EnumType.STRING)
    private InstanceState state;
    private UUID currentOperationId;
    private Instant createdAt;
    private Instant updatedAt;

    protected ServiceInstance() {
    }

    /** A row for an id never seen before: like a deleted instance, nothing is provisioned until it starts. */
    public static ServiceInstance unprovisioned(InstanceId id, Instant now) {
        ServiceInstance instance = new ServiceInstance();
        instance.instanceId = id.value();
        instance.state = InstanceState.DELETED;
        instance.createdAt = now;
        return instance;
    }

    /** Starts (again) provisioning with the given attributes; a deleted instance begins a new life. */
    public InstanceOperation startProvisioning(InstanceRequest request, Instant now, Duration takes) {
        if (state == InstanceState.DELETED) {
            createdAt = now;
        }
        serviceId = request.serviceId();
        planId = request.planId();
        context = request.context();
        parameters = request.parameters();
        return begin(InstanceState.PROVISIONING,
                InstanceOperation.start(id(), OperationKind.PROVISION, request.plannedFailure(), now, takes), now);
    }

    /** Starts deprovisioning; a provisioning still running is halted first, as OSB asks. */
    public InstanceOperation startDeprovisioning(Optional<InstanceOperation> running, Instant now, Duration takes) {
        running.ifPresent(operation -> operation.halt(now));
        return begin(InstanceState.DEPROVISIONING,
                InstanceOperation.start(id(), OperationKind.DEPROVISION, Optional.empty(), now, takes), now);
    }

    private InstanceOperation begin(InstanceState newState, InstanceOperation operation, Instant now) {
        state = newState;
        currentOperationId = operation.id();
        updatedAt = now;
        return operation;
    }

    public boolean isRequestedAs(InstanceRequest request) {
        return request().sameAs(request);
    }

    public InstanceRequest request() {
        return new InstanceRequest(serviceId, planId, context, parameters);
    }

    public boolean is(InstanceState candidate) {
        return state == candidate;
    }

    public InstanceId id() {
        return new InstanceId(instanceId);
    }

    public InstanceState state() {
        return state;
    }

    public UUID currentOperationId() {
        return currentOperationId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
