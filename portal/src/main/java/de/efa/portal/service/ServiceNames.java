package de.efa.portal.service;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * Looks up in the public catalog the services that subscriptions, interests, rollouts or jobs refer to by id, for
 * the names of the services and their plans: once per service a page refers to, however many rows do.
 */
@ApplicationScoped
public class ServiceNames {

    private final CatalogApi catalog;

    public ServiceNames(@RestClient CatalogApi catalog) {
        this.catalog = catalog;
    }

    public CatalogNames of(Collection<String> serviceIds) {
        Map<String, CatalogService> services = new HashMap<>();
        for (String id : new HashSet<>(serviceIds)) {
            try {
                services.put(id, catalog.service(id));
            } catch (ServiceException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return new CatalogNames(services);
    }
}
