package de.efa.catalog.service;

import de.efa.catalog.cache.PublicSearches;
import de.efa.catalog.cache.RenderedServices;
import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.ServiceRef;
import de.efa.catalog.domain.ServiceStatus;
import de.efa.catalog.mapping.ServiceJson;
import de.efa.catalog.repository.EfaServiceRepository;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Searches as everyone sees them, the bulk of the catalog's traffic: a recent answer to the same search is
 * reused ({@link PublicSearches}); otherwise the database names the hits by id and version, and only hits not
 * rendered at that version yet ({@link RenderedServices}) are loaded and written as JSON. Callers that may see
 * more than the PUBLISHED services go through {@link CatalogService#search} and touch neither cache.
 */
@ApplicationScoped
public class PublicSearch {

    private final EfaServiceRepository services;
    private final CatalogService catalog;
    private final PublicSearches answers;
    private final RenderedServices rendered;
    private final ServiceJson json;

    public PublicSearch(EfaServiceRepository services, CatalogService catalog, PublicSearches answers,
                        RenderedServices rendered, ServiceJson json) {
        this.services = services;
        this.catalog = catalog;
        this.answers = answers;
        this.rendered = rendered;
        this.json = json;
    }

    /** The hits the caller may see as JSON, in order, with the total: shared answers for those who see the same. */
    public Page<byte[]> search(Caller caller, SearchCriteria criteria, PageRequest page) {
        return CatalogService.seesPublishedOnly(caller)
                ? search(criteria, page)
                : catalog.search(caller, criteria, page).map(json::render);
    }

    /** The PUBLISHED hits as JSON, in order, with the total. */
    public Page<byte[]> search(SearchCriteria criteria, PageRequest page) {
        return answers.answer(new PublicSearches.Key(criteria, page), () -> find(criteria, page));
    }

    private Page<byte[]> find(SearchCriteria criteria, PageRequest page) {
        Page<ServiceRef> hits = services.searchPublished(criteria, page);
        Map<UUID, byte[]> byId = new HashMap<>();
        List<UUID> unrendered = new ArrayList<>();
        for (ServiceRef hit : hits.items()) {
            byte[] known = rendered.get(hit);
            if (known == null) {
                unrendered.add(hit.id());
            } else {
                byId.put(hit.id(), known);
            }
        }
        if (!unrendered.isEmpty()) {
            // Loaded now, so newer than the hit if it changed in between; one that left PUBLISHED is left out.
            List<EfaService> loaded = QuarkusTransaction.joiningExisting().call(() -> services.findAllForReading(unrendered));
            for (EfaService service : loaded) {
                if (service.status() != ServiceStatus.PUBLISHED) {
                    continue;
                }
                byte[] written = json.render(service);
                rendered.put(service.ref(), written);
                byId.put(service.id(), written);
            }
        }
        List<byte[]> items = new ArrayList<>(hits.items().size());
        for (ServiceRef hit : hits.items()) {
            byte[] item = byId.get(hit.id());
            if (item != null) {
                items.add(item);
            }
        }
        return Page.of(items, page, hits.total());
    }
}
