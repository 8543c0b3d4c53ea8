package de.efa.portal.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The audit trails of the catalog, tenant and marketplace services. The same interface serves all three, so its
 * clients are built here, each at its service's configured URL, with the operator's token and the service's German
 * name for its error answers.
 */
@ApplicationScoped
public class AuditTrails {

    /** One service's trail: its name in the API ({@code tenant-service}), its German name, its client. */
    public record Trail(String id, String name, AuditApi api) {
    }

    private final List<Trail> trails;

    public AuditTrails(AccessTokenPropagation token,
                       @ConfigProperty(name = "quarkus.rest-client.catalog.url") URI catalog,
                       @ConfigProperty(name = "quarkus.rest-client.tenant.url") URI tenant,
                       @ConfigProperty(name = "quarkus.rest-client.marketplace.url") URI marketplace) {
        this.trails = List.of(trail("catalog-service", new CatalogProblems(), catalog, token),
                trail("tenant-service", new TenantProblems(), tenant, token),
                trail("marketplace-service", new MarketplaceProblems(), marketplace, token));
    }

    public List<Trail> all() {
        return trails;
    }

    public Optional<Trail> of(String id) {
        return trails.stream().filter(trail -> trail.id().equals(id)).findFirst();
    }

    private static Trail trail(String id, ProblemReader problems, URI url, AccessTokenPropagation token) {
        return new Trail(id, problems.service(), RestClientBuilder.newBuilder().baseUri(url).register(problems)
                .register(token).build(AuditApi.class));
    }
}
