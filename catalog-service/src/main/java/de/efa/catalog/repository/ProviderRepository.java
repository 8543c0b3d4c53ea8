package de.efa.catalog.repository;

import de.efa.catalog.domain.Provider;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, String> {

    public Page<Provider> page(PageRequest page) {
        var query = findAll(Sort.by("id")).page(io.quarkus.panache.common.Page.of(page.page(), page.size()));
        return Page.of(query.list(), page, query.count());
    }
}
