package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceOperation;
import de.efa.demoprovider.domain.InstanceRequest;
import de.efa.demoprovider.domain.InstanceState;
import de.efa.demoprovider.domain.InvalidRequestException;
import de.efa.demoprovider.domain.ServiceInstance;
import de.efa.demoprovider.domain.Violation;
import de.efa.demoprovider.repository.InstanceOperationRepository;
import de.efa.demoprovider.repository.ServiceInstanceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Open Service Broker use cases. Every operation is asynchronous; repeated requests get the answer OSB
 * prescribes for them, so a platform that retries never gets a second instance.
 */
@ApplicationScoped
public class BrokerService {

    private final ServiceInstanceRepository instances;
    private final InstanceOperationRepository operations;
    private final BehaviourSettings behaviour;

    public BrokerService(ServiceInstanceRepository instances, InstanceOperationRepository operations,
                         BehaviourSettings behaviour) {
        this.instances = instances;
        this.operations = operations;
        this.behaviour = behaviour;
    }

    @Transactional
    public ProvisionOutcome provision(InstanceId id, InstanceRequest request, boolean acceptsIncomplete) {
        requireAsync(acceptsIncomplete);
        Instant now = now();
        Optional<ServiceInstance> stored = instances.lockForChange(id);
        if (stored.isEmpty()) {
            ServiceInstance instance = ServiceInstance.unprovisioned(id, now);
            InstanceOperation operation = instance.startProvisioning(request, now, operationTime());
            instances.persist(instance);
            operations.persist(operation);
            return new ProvisionOutcome.InProgress(id, operation.id());
        }
        ServiceInstance instance = stored.get();
        if (instance.is(InstanceState.DEPROVISIONING)) {
            throw BrokerException.concurrency("Instance " + id + " is being deprovisioned; provision it again once"
                    + " that has finished");
        }
        if (!instance.is(InstanceState.DELETED) && !instance.isRequestedAs(request)) {
            throw BrokerException.conflict("Instance " + id + " already exists with another service_id, plan_id,"
                    + " context or parameters");
        }
        return switch (instance.state()) {
            case PROVISIONING -> new ProvisionOutcome.InProgress(id, instance.currentOperationId());
            case PROVISIONED -> new ProvisionOutcome.AlreadyProvisioned(id);
            default -> {
                InstanceOperation operation = instance.startProvisioning(request, now, operationTime());
                operations.persist(operation);
                yield new ProvisionOutcome.InProgress(id, operation.id());
            }
        };
    }

    /** @return the id of the deprovisioning, which may be one already running */
    @Transactional
    public UUID deprovision(InstanceId id, boolean acceptsIncomplete, String serviceId, String planId) {
        requireAsync(acceptsIncomplete);
        requireHints(serviceId, planId);
        ServiceInstance instance = instances.lockForChange(id)
                .filter(stored -> !stored.is(InstanceState.DELETED))
                .orElseThrow(BrokerException::gone);
        if (instance.is(InstanceState.DEPROVISIONING)) {
            return instance.currentOperationId();
        }
        Optional<InstanceOperation> provisioning = instance.is(InstanceState.PROVISIONING)
                ? operations.find(instance.currentOperationId())
                : Optional.empty();
        InstanceOperation operation = instance.startDeprovisioning(provisioning, now(), operationTime());
        // The halted provisioning must reach the database before the new operation, or the index that allows one
        // running operation per instance would refuse the insert.
        operations.flush();
        operations.persist(operation);
        return operation.id();
    }

    /**
     * The operation the platform names, or without a name the instance's latest. Polls are the most frequent call,
     * so a named operation of this instance is answered with one query.
     */
    @Transactional
    public LastOperation lastOperation(InstanceId id, String operationId) {
        boolean named = operationId != null && !operationId.isBlank();
        Optional<InstanceOperation> operation = named
                ? parseOperation(operationId).flatMap(operations::find).filter(found -> found.belongsTo(id))
                : instances.find(id).flatMap(instance -> operations.find(instance.currentOperationId()));
        return operation.map(this::report).orElseThrow(() -> named && instances.find(id).isPresent()
                ? BrokerException.badRequest("Operation '" + operationId + "' is not an operation of instance " + id)
                : BrokerException.gone());
    }

    private LastOperation report(InstanceOperation operation) {
        Optional<Duration> retryAfter = operation.isRunning()
                ? Optional.of(operation.remaining(now()))
                : Optional.empty();
        return new LastOperation(operation.state(), operation.description(), retryAfter);
    }

    /** OSB fetch: only a provisioned instance can be fetched. */
    @Transactional
    public ServiceInstance fetch(InstanceId id) {
        ServiceInstance instance = instances.find(id)
                .filter(stored -> !stored.is(InstanceState.DELETED))
                .orElseThrow(() -> BrokerException.notFound("Instance " + id + " does not exist"));
        return switch (instance.state()) {
            case PROVISIONED -> instance;
            case DEPROVISIONING -> throw BrokerException.concurrency("Instance " + id + " is being deprovisioned");
            default -> throw BrokerException.notFound("Instance " + id + " is not provisioned (it is "
                    + instance.state() + ")");
        };
    }

    private static void requireAsync(boolean acceptsIncomplete) {
        if (!acceptsIncomplete) {
            throw BrokerException.asyncRequired();
        }
    }

    /** OSB makes service_id and plan_id mandatory on DELETE; this broker needs them for nothing else. */
    private static void requireHints(String serviceId, String planId) {
        List<Violation> violations = new ArrayList<>();
        if (serviceId == null || serviceId.isBlank()) {
            violations.add(new Violation("service_id", "is required"));
        }
        if (planId == null || planId.isBlank()) {
            violations.add(new Violation("plan_id", "is required"));
        }
        InvalidRequestException.throwIfAny(violations);
    }

    private static Optional<UUID> parseOperation(String operationId) {
        try {
            return Optional.of(UUID.fromString(operationId));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private Duration operationTime() {
        return behaviour.current().provisioningTime();
    }

    private static Instant now() {
        return Instant.now();
    }
}
