package de.efa.portal.service;

import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Plan;

import java.util.Map;
import java.util.Optional;

/**
 * The names of the services and plans a page refers to by id, as the public catalog shows them. A service it no
 * longer shows (deprecated since), or a plan its service no longer has, keeps no name here; the page then shows
 * its id.
 */
public final class CatalogNames {

    private final Map<String, CatalogService> services;

    CatalogNames(Map<String, CatalogService> services) {
        this.services = Map.copyOf(services);
    }

    public static CatalogNames none() {
        return new CatalogNames(Map.of());
    }

    /** The service as the public catalog shows it; empty once it shows it no more. */
    public Optional<CatalogService> published(String serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    public String service(String serviceId) {
        return published(serviceId).map(CatalogService::name).orElse(serviceId);
    }

    public String plan(String serviceId, String planId) {
        return published(serviceId).flatMap(service -> service.plan(planId)).map(Plan::name).orElse(planId);
    }
}
