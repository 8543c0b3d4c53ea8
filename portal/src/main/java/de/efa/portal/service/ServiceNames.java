package de.efa.portal.service;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names of services a subscription or job refers to by id. A service the public catalog no longer shows
 * (deprecated since) keeps no name here; the page then shows its id.
 */
@ApplicationScoped
public class ServiceNames {

    private final CatalogApi catalog;

    public ServiceNames(@RestClient CatalogApi catalog) {
        this.catalog = catalog;
    }

    public Map<String, String> of(Collection<String> serviceIds) {
        Map<String, String> names = new HashMap<>();
        for (String id : serviceIds) {
            if (!names.containsKey(id)) {
                names.put(id, nameOf(id));
            }
        }
        return names;
    }

    /** The service as the public catalog shows it; empty once it shows it no more. */
    public Optional<CatalogService> published(String id) {
        try {
            return Optional.of(catalog.service(id));
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String nameOf(String id) {
        return published(id).map(CatalogService::name).orElse(null);
    }
}
