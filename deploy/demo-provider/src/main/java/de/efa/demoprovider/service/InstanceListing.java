package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceQuery;
import de.efa.demoprovider.domain.Page;
import de.efa.demoprovider.domain.ServiceInstance;
import de.efa.demoprovider.repository.ServiceInstanceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** What the provider holds, for tests, operators and the curious; outside the OSB contract. */
@ApplicationScoped
public class InstanceListing {

    private final ServiceInstanceRepository instances;

    public InstanceListing(ServiceInstanceRepository instances) {
        this.instances = instances;
    }

    @Transactional
    public Page<ServiceInstance> list(InstanceQuery query) {
        return instances.list(query.filter(), query.page());
    }

    @Transactional
    public Optional<ServiceInstance> find(InstanceId id) {
        return instances.find(id);
    }
}
