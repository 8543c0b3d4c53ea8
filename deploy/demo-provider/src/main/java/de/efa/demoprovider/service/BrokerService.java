package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceOperation;
import de.efa.demoprovider.domain.InstanceRequest;
import de.efa.demoprovider.domain.InstanceState;
import de.efa.demoprovider.domain.InstanceUpdate;
import de.efa.demoprovider.domain.InvalidRequestException;
import de.efa.demoprovider.domain.ServiceInstance;
import de.efa.demoprovider.domain.UpdateTarget;
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
 * The Open Service Broker use cases. Every change is asynchronous; repeated requests get the answer OSB prescribes
 * for them, so a platform that retries never gets a second instance or a second update. Each use case runs at the
 * broker of one provider ({@code providerId}, from the broker's path), which knows only the instances provisioned
 * through it: another broker's instance is answered as one that does not exist, so that a token for one provider's
 * broker reaches nothing of another's.
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
    public OperationOutcome provision(String providerId, InstanceId id, InstanceRequest request,
                                      boolean acceptsIncomplete) {
        requireAsync(acceptsIncomplete);
        Instant now = now();
        Optional<ServiceInstance> stored = instances.lockForChange(id);
        if (stored.isEmpty()) {
            ServiceInstance instance = ServiceInstance.unprovisioned(id, providerId, now);
            InstanceOperation operation = instance.startProvisioning(request, now, operationTime());
            instances.persist(instance);
            operations.persist(operation);
            return new OperationOutcome.InProgress(id, operation.id());
        }
        ServiceInstance instance = stored.get();
        // Instance ids are the platform's, one row each: an id another broker holds cannot be provisioned here, and
        // the answer says no more about that instance (its state, its attributes) than that the id is taken.
        if (!instance.belongsToBrokerOf(providerId)) {
            throw BrokerException.conflict("Instance " + id + " already exists with other attributes: its id is"
                    + " taken at another broker");
        }
        if (instance.is(InstanceState.UPDATING) || instance.is(InstanceState.DEPROVISIONING)) {
            throw BrokerException.concurrency(busy(instance) + "; provision it again once that has finished");
        }
        if (!instance.is(InstanceState.DELETED) && !instance.isRequestedAs(request)) {
            throw BrokerException.conflict("Instance " + id + " already exists with another service_id, plan_id,"
                    + " context or parameters");
        }
        return switch (instance.state()) {
            case PROVISIONING -> new OperationOutcome.InProgress(id, instance.currentOperationId());
            case PROVISIONED, UNUSABLE -> new OperationOutcome.Done(id);
            default -> {
                InstanceOperation operation = instance.startProvisioning(request, now, operationTime());
                operations.persist(operation);
                yield new OperationOutcome.InProgress(id, operation.id());
            }
        };
    }

    /**
     * OSB update: plan, parameters, context and suspension. An update that changes nothing is done at once; one
     * that does runs asynchronously. Repeating the update that runs gets its operation; another one while any
     * operation runs is a ConcurrencyError.
     */
    @Transactional
    public OperationOutcome update(String providerId, InstanceId id, InstanceUpdate update,
                                   boolean acceptsIncomplete) {
        ServiceInstance instance = instances.lockForChange(id)
                .filter(stored -> isLiveAt(stored, providerId))
                .orElseThrow(() -> BrokerException.notFound("Instance " + id + " does not exist"));
        if (!instance.serviceId().equals(update.serviceId())) {
            throw BrokerException.badRequest("service_id '" + update.serviceId() + "' is not the service of instance "
                    + id);
        }
        UpdateTarget target = instance.targetOf(update);
        switch (instance.state()) {
            case FAILED -> throw BrokerException.notFound(neverProvisioned(instance));
            case PROVISIONING, DEPROVISIONING -> throw BrokerException.concurrency(busy(instance)
                    + "; update it once that has finished");
            case UPDATING -> {
                InstanceOperation running = operations.find(instance.currentOperationId()).orElseThrow();
                if (!running.updatesTo(target)) {
                    throw BrokerException.concurrency(busy(instance) + " with other values; send this update again"
                            + " once that has finished");
                }
                requireAsync(acceptsIncomplete);
                return new OperationOutcome.InProgress(id, running.id());
            }
            default -> {
                if (instance.alreadyIs(target)) {
                    return new OperationOutcome.Done(id);
                }
                requireAsync(acceptsIncomplete);
                InstanceOperation operation = instance.startUpdate(target,
                        behaviour.current().failingUpdatesOf(instance.serviceId()), now(), operationTime());
                operations.persist(operation);
                return new OperationOutcome.InProgress(id, operation.id());
            }
        }
    }

    /** @return the id of the deprovisioning, which may be one already running */
    @Transactional
    public UUID deprovision(String providerId, InstanceId id, boolean acceptsIncomplete, String serviceId,
                            String planId) {
        requireAsync(acceptsIncomplete);
        requireHints(serviceId, planId);
        ServiceInstance instance = instances.lockForChange(id)
                .filter(stored -> isLiveAt(stored, providerId))
                .orElseThrow(BrokerException::gone);
        if (instance.is(InstanceState.DEPROVISIONING)) {
            return instance.currentOperationId();
        }
        InstanceOperation operation = instance.startDeprovisioning(operations.runningFor(id), now(), operationTime());
        // The halted operation must reach the database before the new one, or the index that allows one running
        // operation per instance would refuse the insert.
        operations.flush();
        operations.persist(operation);
        return operation.id();
    }

    /**
     * The operation the platform names, or without a name the instance's latest. Polls are the most frequent call,
     * so a named operation of this instance at this broker is answered with one query. One whose time has come is
     * ended by the poll itself: the operation takes its time, not its time and the wait for the completion worker.
     */
    @Transactional
    public LastOperation lastOperation(String providerId, InstanceId id, String operationId) {
        boolean named = operationId != null && !operationId.isBlank();
        Optional<InstanceOperation> operation = named
                ? parseOperation(operationId).flatMap(found -> operations.findAtBroker(found, id, providerId))
                : findAt(providerId, id).flatMap(instance -> operations.find(instance.currentOperationId()));
        return operation.map(found -> report(operations.completeIfDue(found, now())))
                .orElseThrow(() -> named && findAt(providerId, id).isPresent()
                        ? BrokerException.badRequest("Operation '" + operationId + "' is not an operation of instance "
                                + id)
                        : BrokerException.gone());
    }

    private LastOperation report(InstanceOperation operation) {
        Optional<Duration> retryAfter = operation.isRunning()
                ? Optional.of(operation.remaining(now()))
                : Optional.empty();
        return new LastOperation(operation.state(), operation.description(), operation.instanceUsable(), retryAfter);
    }

    /** OSB fetch: a provisioned instance, also an unusable one; not while it is provisioned, updated or removed. */
    @Transactional
    public ServiceInstance fetch(String providerId, InstanceId id) {
        ServiceInstance instance = instances.find(id)
                .filter(stored -> isLiveAt(stored, providerId))
                .orElseThrow(() -> BrokerException.notFound("Instance " + id + " does not exist"));
        return switch (instance.state()) {
            case PROVISIONED, UNUSABLE -> instance;
            case UPDATING, DEPROVISIONING -> throw BrokerException.concurrency(busy(instance));
            case FAILED -> throw BrokerException.notFound(neverProvisioned(instance));
            default -> throw BrokerException.notFound(busy(instance) + " and cannot be fetched yet");
        };
    }

    /** The instance, if the broker of {@code providerId} knows it. */
    private Optional<ServiceInstance> findAt(String providerId, InstanceId id) {
        return instances.find(id).filter(stored -> stored.belongsToBrokerOf(providerId));
    }

    private static boolean isLiveAt(ServiceInstance instance, String providerId) {
        return instance.belongsToBrokerOf(providerId) && !instance.is(InstanceState.DELETED);
    }

    private static String busy(ServiceInstance instance) {
        String doing = switch (instance.state()) {
            case PROVISIONING -> "provisioned";
            case UPDATING -> "updated";
            default -> "deprovisioned";
        };
        return "Instance " + instance.id() + " is being " + doing;
    }

    private static String neverProvisioned(ServiceInstance instance) {
        return "Instance " + instance.id() + " was never provisioned: its provisioning failed";
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
