package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.Mandate;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class MandateRepository implements PanacheRepositoryBase<Mandate, Mandate.Key> {

    public boolean exists(String ags, String bundlerId) {
        return count("key.ags = ?1 and key.bundlerId = ?2", ags, bundlerId) > 0;
    }

    /** Those of these municipalities that gave the bundler a mandate. */
    public Set<String> clientsAmong(String bundlerId, Collection<String> ags) {
        return getEntityManager().createQuery("select m.key.ags from Mandate m where m.key.bundlerId = :bundlerId "
                        + "and m.key.ags in :ags", String.class)
                .setParameter("bundlerId", bundlerId)
                .setParameter("ags", ags)
                .getResultStream().collect(Collectors.toSet());
    }

    /** One page of a tenant's mandates, oldest first. */
    public Page<Mandate> ofTenant(String ags, PageRequest page) {
        PanacheQuery<Mandate> mandates = find("key.ags", Sort.by("grantedAt").and("key.bundlerId"), ags);
        return Page.of(mandates.page(page.page(), page.size()).list(), page, mandates.count());
    }
}
