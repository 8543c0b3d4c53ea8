package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.Bundler;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BundlerRepository implements PanacheRepositoryBase<Bundler, String> {

    /** One page of the bundlers in id order. */
    public Page<Bundler> page(PageRequest page) {
        PanacheQuery<Bundler> bundlers = findAll(Sort.by("id"));
        return Page.of(bundlers.page(page.page(), page.size()).list(), page, bundlers.count());
    }
}
