package de.efa.catalog.repository;

import de.efa.catalog.domain.PageRequest;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.Slice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, String> {

    public Slice<Provider> page(PageRequest page) {
        var query = findAll(Sort.by("id")).page(Page.of(page.page(), page.size()));
        return new Slice<>(query.list(), query.count());
    }
}
