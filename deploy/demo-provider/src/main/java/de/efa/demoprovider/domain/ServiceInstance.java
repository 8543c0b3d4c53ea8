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
 * A demo SaaS instance as the platform asked for it, with the operation that currently describes it. Its plan,
 * parameters and context are what the last successful provisioning or update gave it; {@code suspended} is set by
 * the platform's context updates and locks the instance's dashboard. It belongs to the broker of the provider it was
 * first provisioned through, and no other broker knows it, as a real provider's broker knows only its own instances.
 */
@Entity
@Table(name = "service_instance")
public class ServiceInstance {

    @Id
    private String instanceId;
    /** Null for an instance from before the brokers kept their instances apart, which every broker knows. */
    private String providerId;
    private String serviceId;
    private String planId;
    @JdbcTypeCode(SqlTypes.JSON)
    private ObjectNode context;
    @JdbcTypeCode(SqlTypes.JSON)
    private ObjectNode parameters;
    @Enumerated(EnumType.STRING)
    private InstanceState state;
    private boolean suspended;
    private UUID currentOperationId;
    private Instant createdAt;
    private Instant updatedAt;

    protected ServiceInstance() {
    }

    /**
     * A row for an id never seen before, at the broker of {@code providerId}: like a deleted instance, nothing is
     * provisioned until it starts.
     */
    public static ServiceInstance unprovisioned(InstanceId id, String providerId, Instant now) {
        ServiceInstance instance = new ServiceInstance();
        instance.instanceId = id.value();
        instance.providerId = providerId;
        instance.state = InstanceState.DELETED;
        instance.createdAt = now;
        return instance;
    }

    /** Starts (again) provisioning with the given attributes; a deleted instance begins a new life. */
    public InstanceOperation startProvisioning(InstanceRequest request, Instant now, Duration takes) {
        if (state != InstanceState.DELETED && state != InstanceState.FAILED) {
            throw new IllegalStateException("instance " + instanceId + " is " + state + " and cannot be provisioned");
        }
        if (state == InstanceState.DELETED) {
            createdAt = now;
            suspended = false;
        }
        serviceId = request.serviceId();
        planId = request.planId();
        context = request.context();
        parameters = request.parameters();
        return begin(InstanceState.PROVISIONING,
                InstanceOperation.start(id(), OperationKind.PROVISION, request.plannedFailure(), now, takes), now);
    }

    /**
     * What an update would make of this instance: what the update names, the rest as it is. Its context is merged
     * into the instance's; the update's {@code suspended}, when given, replaces the instance's.
     */
    public UpdateTarget targetOf(InstanceUpdate update) {
        ObjectNode mergedContext = context.deepCopy();
        mergedContext.setAll(update.context());
        return new UpdateTarget(update.planId().orElse(planId), update.parameters().orElse(parameters), mergedContext,
                update.suspended().orElse(suspended));
    }

    /**
     * Whether an update to {@code target} has nothing to do. An unusable instance always has: an update is what
     * repairs it, even one that names what it already holds.
     */
    public boolean alreadyIs(UpdateTarget target) {
        return state == InstanceState.PROVISIONED
                && target.sameAs(new UpdateTarget(planId, parameters, context, suspended));
    }

    /**
     * Starts an update of a provisioned (or unusable) instance; whether it fails is decided now, from its target
     * and the behaviour's failing updates.
     */
    public InstanceOperation startUpdate(UpdateTarget target, Optional<FailingUpdates> failingUpdates, Instant now,
                                         Duration takes) {
        if (!isLive()) {
            throw new IllegalStateException("instance " + instanceId + " is " + state + " and cannot be updated");
        }
        return begin(InstanceState.UPDATING, InstanceOperation.startUpdate(id(), target,
                UpdateFailure.plannedFor(target, failingUpdates), now, takes), now);
    }

    /** Starts deprovisioning; an operation still running (provisioning, update) is halted first, as OSB asks. */
    public InstanceOperation startDeprovisioning(Optional<InstanceOperation> running, Instant now, Duration takes) {
        if (state == InstanceState.DELETED || state == InstanceState.DEPROVISIONING) {
            throw new IllegalStateException("instance " + instanceId + " is " + state + " already");
        }
        running.ifPresent(operation -> operation.halt("the instance is being deprovisioned", now));
        return begin(InstanceState.DEPROVISIONING,
                InstanceOperation.start(id(), OperationKind.DEPROVISION, Optional.empty(), now, takes), now);
    }

    /**
     * The instance vanishes at once, without the platform asking (what a provider's mistake or an outage would do):
     * an operation still running is halted, and the removal is recorded as an operation that has ended.
     */
    public InstanceOperation removeAtProvider(Optional<InstanceOperation> running, Instant now) {
        if (state == InstanceState.DELETED) {
            throw new IllegalStateException("instance " + instanceId + " is deleted already");
        }
        running.ifPresent(operation -> operation.halt("the instance was removed at the provider", now));
        return begin(InstanceState.DELETED, InstanceOperation.removedAtProvider(id(), now), now);
    }

    private InstanceOperation begin(InstanceState newState, InstanceOperation operation, Instant now) {
        state = newState;
        currentOperationId = operation.id();
        updatedAt = now;
        return operation;
    }

    /**
     * Whether the broker of {@code provider} knows this instance: only the broker it was provisioned through does. One
     * from before the brokers kept their instances apart never recorded its path, and every broker knows it, as then:
     * the marketplace calls only the broker of an instance's provider, so a local stack's kept data stays usable.
     */
    public boolean belongsToBrokerOf(String provider) {
        return provider != null && (providerId == null || provider.equals(providerId));
    }

    /** The provider whose broker holds the instance; none for one from before the brokers kept their instances apart. */
    public Optional<String> providerId() {
        return Optional.ofNullable(providerId);
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

    /** Provisioned and not changing: it can be fetched and updated (an unusable instance too). */
    public boolean isLive() {
        return state == InstanceState.PROVISIONED || state == InstanceState.UNUSABLE;
    }

    /** Suspended by the platform and still there: its tenant must not use it until it is unlocked. */
    public boolean isLocked() {
        return suspended && state != InstanceState.DELETED;
    }

    public boolean isSuspended() {
        return suspended;
    }

    public String serviceId() {
        return serviceId;
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
