package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.Land;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.domain.TenantStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {

    /** The tenant, locked until the end of the transaction, so that two status steps never interleave. */
    public Optional<Tenant> findForUpdate(String ags) {
        return findByIdOptional(ags, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of the tenants in AGS order, optionally only those of one Land and/or status. */
    public Page<Tenant> filtered(Optional<Land> land, Optional<TenantStatus> status, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        land.ifPresent(l -> {
            conditions.add("ags like :landPrefix");
            parameters.and("landPrefix", l.code() + "%");
        });
        status.ifPresent(s -> {
            conditions.add("status = :status");
            parameters.and("status", s);
        });
        String query = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        PanacheQuery<Tenant> tenants = find(query, Sort.by("ags"), parameters);
        return Page.of(tenants.page(page.page(), page.size()).list(), page, tenants.count());
    }

    /** One page of the tenants that gave the bundler a mandate, in AGS order. */
    public Page<Tenant> clientsOf(String bundlerId, PageRequest page) {
        PanacheQuery<Tenant> clients = find("ags in (select m.key.ags from Mandate m where m.key.bundlerId = ?1)",
                Sort.by("ags"), bundlerId);
        return Page.of(clients.page(page.page(), page.size()).list(), page, clients.count());
    }
}
