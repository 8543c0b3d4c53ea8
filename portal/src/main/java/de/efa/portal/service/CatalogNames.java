package de.efa.portal.service;

import de.efa.portal.client.CatalogService;
import de.efa.portal.client.Plan;

import java.util.Map;
import java.util.Optional;

/**
 * The names of the services and plans a page refers to by id: as the public catalog shows them, or, for a service
 * it no longer shows (deprecated since), as the catalog shows it to the viewer. A service neither shows, or a plan its
 * service no longer has, keeps no name here; the page then shows its id.
 */
public final class CatalogNames {

    private final Map<String, CatalogService> published;
    private final Map<String, CatalogService> unpublished;

    CatalogNames(Map<String, CatalogService> published, Map<String, CatalogService> unpublished) {
        this.published = Map.copyOf(published);
        this.unpublished = Map.copyOf(unpublished);
    }

    public static CatalogNames none() {
        return new CatalogNames(Map.of(), Map.of());
    }

    /** The service as the public catalog shows it; empty once it shows it no more. */
    public Optional<CatalogService> published(String serviceId) {
        return Optional.ofNullable(published.get(serviceId));
    }

    public String service(String serviceId) {
        return named(serviceId).map(CatalogService::name).orElse(serviceId);
    }

    public String plan(String serviceId, String planId) {
        return named(serviceId).flatMap(service -> service.plan(planId)).map(Plan::name).orElse(planId);
    }

    private Optional<CatalogService> named(String serviceId) {
        return published(serviceId).or(() -> Optional.ofNullable(unpublished.get(serviceId)));
    }
}
