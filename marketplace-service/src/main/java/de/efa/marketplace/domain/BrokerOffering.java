package de.efa.marketplace.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a broker's catalog ({@code GET /v2/catalog}) offers, as far as this marketplace asks: per service whether its
 * instances can be fetched ({@code instances_retrievable}), whether it takes context updates
 * ({@code allow_context_updates}), and whether a plan may be changed ({@code plan_updateable}, the service's default
 * unless the plan says otherwise). Whatever the catalog does not say is not offered.
 *
 * <p>The marketplace sends the ids of its own catalog as OSB {@code service_id}. A broker whose catalog lists a
 * service of that id answers for it; a broker that takes any service id (its catalog lists others) answers with what
 * every one of its services offers, so that nothing is asked that one of them would refuse.
 */
public record BrokerOffering(List<Service> services) {

    public BrokerOffering {
        services = List.copyOf(services);
    }

    /** One service of the catalog; {@code plans} holds a plan's own {@code plan_updateable} where it has one. */
    public record Service(String id, boolean instancesRetrievable, boolean allowContextUpdates, boolean planUpdateable,
                          Map<String, Boolean> plans) {

        public Service {
            plans = Map.copyOf(plans);
        }

        boolean planUpdateable(String planId) {
            return plans.getOrDefault(planId, planUpdateable);
        }
    }

    public boolean instancesRetrievable(String serviceId) {
        return offers(serviceId, Service::instancesRetrievable);
    }

    public boolean allowsContextUpdates(String serviceId) {
        return offers(serviceId, Service::allowContextUpdates);
    }

    /** Whether an instance of this plan may change to another plan (OSB asks the current plan). */
    public boolean planUpdateable(String serviceId, String planId) {
        return offers(serviceId, service -> service.planUpdateable(planId));
    }

    private boolean offers(String serviceId, Predicate<Service> capability) {
        List<Service> answering = services.stream().filter(service -> service.id().equals(serviceId)).toList();
        if (answering.isEmpty()) {
            answering = services;
        }
        return !answering.isEmpty() && answering.stream().allMatch(capability);
    }
}
