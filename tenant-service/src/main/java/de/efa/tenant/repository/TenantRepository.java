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
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {

    /** The tenant, locked until the end of the transaction, so that two status steps never interleave. */
    public Optional<Tenant> findForUpdate(String ags) {
        return findByIdOptional(ags, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The tenant, share-locked until the end of the transaction, for pricing a subscription with its population: a
     * population load ({@link #populationsForUpdate}) then waits until that subscription is committed and prices it
     * anew, or the subscription waits for the load and is priced with the new population. Without the lock, one
     * inserted while a load runs would keep the old population's price, which the load does not see.
     */
    public Optional<Tenant> findForShare(String ags) {
        return findByIdOptional(ags, LockModeType.PESSIMISTIC_READ);
    }

    /**
     * Share-locks these tenants until the end of the transaction, in AGS order as a population load locks them (so
     * the two cannot deadlock), for pricing subscriptions with their populations: see {@link #findForShare}. A
     * rollout's pass locks every tenant of its batch with this first, whichever rollouts the batch spans.
     */
    public void lockForShare(Collection<String> ags) {
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT ags FROM tenant WHERE ags = ANY (?) ORDER BY ags FOR SHARE""")) {
                statement.setArray(1, connection.createArrayOf("bpchar", ags.toArray()));
                statement.executeQuery().close();
            }
        });
    }

    /**
     * Reads these tenants into the persistence context with one statement, so that finding each of them afterwards
     * costs no round trip of its own.
     */
    public void load(Collection<String> ags) {
        if (!ags.isEmpty()) {
            session().findMultiple(Tenant.class, List.copyOf(ags));
        }
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

    /**
     * The populations of those of these tenants that are registered, locked until the end of the transaction in AGS
     * order (as a status step locks one tenant before its subscriptions), with one statement for any number of them.
     * {@code FOR NO KEY UPDATE}: a subscription being written, which only refers to its tenant, is not held up.
     */
    public Map<String, Long> populationsForUpdate(List<String> ags) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT ags, population FROM tenant WHERE ags = ANY (?) ORDER BY ags FOR NO KEY UPDATE""")) {
                statement.setArray(1, connection.createArrayOf("bpchar", ags.toArray()));
                Map<String, Long> populations = new LinkedHashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        populations.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return populations;
            }
        });
    }

    /**
     * Sets the tenants' populations with one statement, raising each one's version. Bypasses the entities: none of
     * these tenants may be loaded in this transaction.
     */
    public void setPopulations(Map<String, Long> populations, Instant now) {
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE tenant t SET population = i.population, version = t.version + 1, updated_at = ?
                    FROM unnest(?, ?) AS i (ags, population) WHERE t.ags = i.ags""")) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setArray(2, connection.createArrayOf("bpchar", populations.keySet().toArray()));
                statement.setArray(3, connection.createArrayOf("int8", populations.values().toArray()));
                statement.executeUpdate();
            }
        });
    }

    /**
     * Inserts these new tenants with one statement, leaving out each whose AGS is registered already, also by an
     * import running at the same time; answers the AGS it inserted. Bypasses the entities, so that a directory of
     * every German municipality costs one round trip.
     */
    public Set<String> insertAbsent(List<Tenant> newTenants) {
        if (newTenants.isEmpty()) {
            return Set.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO tenant (ags, name, kind, population, contact_email, status, version, created_at,
                                        updated_at)
                    SELECT i.ags, i.name, i.kind, i.population, i.contact_email, i.status, 0, i.created_at, i.created_at
                    FROM unnest(?, ?, ?, ?, ?, ?, ?)
                         AS i (ags, name, kind, population, contact_email, status, created_at)
                    ON CONFLICT (ags) DO NOTHING
                    RETURNING ags""")) {
                statement.setArray(1, connection.createArrayOf("bpchar",
                        newTenants.stream().map(tenant -> tenant.ags().value()).toArray()));
                statement.setArray(2, connection.createArrayOf("text",
                        newTenants.stream().map(Tenant::name).toArray()));
                statement.setArray(3, connection.createArrayOf("text",
                        newTenants.stream().map(tenant -> tenant.kind().name()).toArray()));
                statement.setArray(4, connection.createArrayOf("int8",
                        newTenants.stream().map(Tenant::population).toArray()));
                statement.setArray(5, connection.createArrayOf("text",
                        newTenants.stream().map(tenant -> tenant.contactEmail().orElse(null)).toArray()));
                statement.setArray(6, connection.createArrayOf("text",
                        newTenants.stream().map(tenant -> tenant.status().name()).toArray()));
                statement.setArray(7, connection.createArrayOf("timestamptz",
                        newTenants.stream().map(tenant -> Timestamp.from(tenant.createdAt())).toArray()));
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        });
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    /**
     * The tenants that match each criterion given (only ACTIVE ones, AGS prefixes of a Land or Kreis, one of these
     * AGS, a client of this bundler), with their names, in AGS order; with no criterion, every tenant.
     */
    public Map<String, String> namesMatching(boolean activeOnly, List<String> agsPrefixes, Optional<List<String>> ags,
            Optional<String> clientOf) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (activeOnly) {
            conditions.add("t.status = :active");
            parameters.put("active", TenantStatus.ACTIVE);
        }
        for (int i = 0; i < agsPrefixes.size(); i++) {
            conditions.add("t.ags like :prefix" + i);
            parameters.put("prefix" + i, agsPrefixes.get(i) + "%");
        }
        ags.ifPresent(list -> {
            conditions.add("t.ags in :ags");
            parameters.put("ags", list);
        });
        clientOf.ifPresent(bundlerId -> {
            conditions.add("t.ags in (select m.key.ags from Mandate m where m.key.bundlerId = :bundlerId)");
            parameters.put("bundlerId", bundlerId);
        });
        var query = getEntityManager().createQuery("select t.ags, t.name from Tenant t"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + " order by t.ags",
                Object[].class);
        parameters.forEach(query::setParameter);
        Map<String, String> names = new LinkedHashMap<>();
        query.getResultList().forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    /** One page of the tenants that gave the bundler a mandate, in AGS order. */
    public Page<Tenant> clientsOf(String bundlerId, PageRequest page) {
        PanacheQuery<Tenant> clients = find("ags in (select m.key.ags from Mandate m where m.key.bundlerId = ?1)",
                Sort.by("ags"), bundlerId);
        return Page.of(clients.page(page.page(), page.size()).list(), page, clients.count());
    }
}
