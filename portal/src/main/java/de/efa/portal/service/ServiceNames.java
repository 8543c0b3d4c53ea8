package de.efa.portal.service;

import de.efa.portal.client.CatalogApi;
import de.efa.portal.client.CatalogService;
import de.efa.portal.client.ProviderCatalogApi;
import de.efa.portal.client.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Looks up in the public catalog the services that subscriptions, interests, rollouts or jobs refer to by id, for
 * the names of the services and their plans: once per service a page refers to, however many rows do. A service the
 * public catalog no longer shows (deprecated or retired) is read again with the viewer's token where the catalog
 * shows it to them: an operator sees every service, a provider its own (docs/services.md, the catalog's
 * {@code GET /api/v1/services/{id}}). A municipality or bundler has no way to read it, so its pages name it by its id.
 */
@ApplicationScoped
public class ServiceNames {

    private final CatalogApi catalog;
    private final ProviderCatalogApi asViewer;
    private final Viewer viewer;

    public ServiceNames(@RestClient CatalogApi catalog, @RestClient ProviderCatalogApi asViewer, Viewer viewer) {
        this.catalog = catalog;
        this.asViewer = asViewer;
        this.viewer = viewer;
    }

    public CatalogNames of(Collection<String> serviceIds) {
        Map<String, CatalogService> published = new HashMap<>();
        Map<String, CatalogService> unpublished = new HashMap<>();
        for (String id : new HashSet<>(serviceIds)) {
            Optional<CatalogService> service = found(() -> catalog.service(id));
            if (service.isPresent()) {
                published.put(id, service.get());
            } else if (viewer.isOperator() || viewer.isProvider()) {
                found(() -> asViewer.service(id)).ifPresent(shown -> unpublished.put(id, shown));
            }
        }
        return new CatalogNames(published, unpublished);
    }

    private static Optional<CatalogService> found(Supplier<CatalogService> read) {
        try {
            return Optional.of(read.get());
        } catch (ServiceException e) {
            if (e.status() != 404) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
