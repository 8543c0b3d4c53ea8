package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceState;
import de.efa.demoprovider.domain.ServiceInstance;
import de.efa.demoprovider.repository.InstanceOperationRepository;
import de.efa.demoprovider.repository.ServiceInstanceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Removes an instance behind the platform's back, as a provider's mistake or an outage would: end-to-end tests use
 * it to see the platform notice an instance that is missing at the provider. Outside the OSB contract.
 */
@ApplicationScoped
public class InstanceRemoval {

    private final ServiceInstanceRepository instances;
    private final InstanceOperationRepository operations;

    public InstanceRemoval(ServiceInstanceRepository instances, InstanceOperationRepository operations) {
        this.instances = instances;
        this.operations = operations;
    }

    @Transactional
    public void remove(InstanceId id) {
        ServiceInstance instance = instances.lockForChange(id)
                .filter(stored -> !stored.is(InstanceState.DELETED))
                .orElseThrow(() -> BrokerException.notFound("Instance " + id + " does not exist or is deleted"));
        operations.persist(instance.removeAtProvider(operations.runningFor(id), Instant.now()));
    }
}
