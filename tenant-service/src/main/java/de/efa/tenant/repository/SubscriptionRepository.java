package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    private static final String LOCK_BY_IDS = "SELECT id FROM subscription WHERE id = ANY (?) ORDER BY id FOR UPDATE";

    /** One page of the tenant's subscriptions, oldest first. */
    public Page<Subscription> ofTenant(String ags, PageRequest page) {
        PanacheQuery<Subscription> subscriptions = find("ags", Sort.by("createdAt").and("id"), ags);
        return Page.of(subscriptions.page(page.page(), page.size()).list(), page, subscriptions.count());
    }

    public Optional<Subscription> findOfTenant(String ags, UUID id) {
        return find("ags = ?1 and id = ?2", ags, id).firstResultOptional();
    }

    /** The subscription locked until the end of the transaction: callers and result events never interleave. */
    public Optional<Subscription> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The subscriptions with these ids, locked until the end of the transaction. Locked in the order of their ids, so
     * that two transactions locking overlapping sets cannot deadlock. The rows are locked first and then read with
     * their histories in one query: read under a lock, Hibernate built a new loader for every batch of histories,
     * which took about half of the CPU of applying a batch of results.
     */
    public Map<UUID, Subscription> findForUpdate(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_BY_IDS)) {
                lock.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                lock.executeQuery().close();
            }
        });
        // A fetch join yields a subscription once per history entry.
        return find("select s from Subscription s left join fetch s.history where s.id in ?1", ids).list().stream()
                .collect(Collectors.toMap(Subscription::id, Function.identity(), (same, again) -> same));
    }

    /**
     * The tenant's live subscriptions, locked until the end of the transaction in the order of their ids (as the
     * batch lock of results), so that the two cannot deadlock.
     */
    public List<Subscription> liveOfTenantForUpdate(String ags) {
        return find("ags = ?1 and status not in ?2", Sort.by("id"), ags, SubscriptionStatus.finals())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The live subscriptions of these tenants whose price (or that of a requested plan) has a per-inhabitant part,
     * locked until the end of the transaction in the order of their ids.
     */
    public List<Subscription> pricedPerInhabitantForUpdate(Collection<String> ags) {
        return find("ags in ?1 and status not in ?2 and (price.annualPerInhabitantCents <> 0 "
                        + "or updatePrice.annualPerInhabitantCents <> 0)", Sort.by("id"), ags,
                SubscriptionStatus.finals())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Whether the tenant has a live subscription to the service (not final). Native, with the condition of the
     * partial unique index written out: a query with a list parameter is translated anew on every call, which made
     * this check the costliest part of subscribing. Without a result class: Hibernate never finds the plan of a native
     * query with a basic (non-entity) one in its cache again, and each call searched ever more entries of the same SQL
     * (deploy/bench/README.md).
     */
    public boolean hasLive(String ags, UUID serviceId) {
        return (Boolean) getEntityManager().createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM subscription
                                       WHERE ags = :ags AND service_id = :serviceId
                                         AND status NOT IN ('CANCELLED', 'FAILED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'))
                        """)
                .setParameter("ags", ags)
                .setParameter("serviceId", serviceId)
                .getSingleResult();
    }

    /** Those of these tenants that have a live subscription to the service, with one query for all of them. */
    @SuppressWarnings("unchecked")
    public Set<String> liveAmong(Collection<String> ags, UUID serviceId) {
        List<String> found = getEntityManager().createNativeQuery("""
                        SELECT ags FROM subscription
                        WHERE service_id = :serviceId AND ags IN (:ags)
                          AND status NOT IN ('CANCELLED', 'FAILED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')""",
                        String.class)
                .setParameter("serviceId", serviceId)
                .setParameter("ags", ags)
                .getResultList();
        return new HashSet<>(found);
    }

    /**
     * One page of the interests and offers in services of this provider (as the local catalog copy knows them),
     * oldest first, optionally of one status.
     */
    public Page<Subscription> interestsOfProvider(String providerId, Optional<SubscriptionStatus> status,
                                                  PageRequest page) {
        String query = "serviceId in (select s.id from CatalogService s where s.providerId = :providerId) "
                + "and status in :statuses";
        Parameters parameters = Parameters.with("providerId", providerId)
                .and("statuses", status.map(List::of).orElse(List.of(SubscriptionStatus.INTEREST_DECLARED,
                        SubscriptionStatus.OFFERED, SubscriptionStatus.DECLINED, SubscriptionStatus.WITHDRAWN,
                        SubscriptionStatus.EXPIRED)));
        PanacheQuery<Subscription> interests = find(query, Sort.by("createdAt").and("id"), parameters);
        return Page.of(interests.page(page.page(), page.size()).list(), page, interests.count());
    }

    /**
     * Interests and offers that waited longer than allowed since they were declared or offered, locked and skipped by
     * another replica doing the same; at most {@code limit} of them.
     */
    public List<Subscription> overdueForExpiry(Instant declaredBefore, Instant offeredBefore, int limit) {
        return find("(status = ?1 and statusSince < ?2) or (status = ?3 and statusSince < ?4)", Sort.by("statusSince"),
                SubscriptionStatus.INTEREST_DECLARED, declaredBefore, SubscriptionStatus.OFFERED, offeredBefore)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit)
                .list();
    }
}
