package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.Bundler;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class BundlerRepository implements PanacheRepositoryBase<Bundler, String> {

    /** One page of the bundlers in id order; with an id, of the one with that id (none or one). */
    public Page<Bundler> page(Optional<String> id, PageRequest page) {
        Sort byId = Sort.by("id");
        PanacheQuery<Bundler> bundlers = id.map(only -> find("id", byId, only)).orElseGet(() -> findAll(byId));
        return Page.of(bundlers.page(page.page(), page.size()).list(), page, bundlers.count());
    }
}
