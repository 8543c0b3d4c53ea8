package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

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
     * The subscriptions with these ids, locked until the end of the transaction, in one query. Locked in the order
     * of their ids, so that two transactions locking overlapping sets cannot deadlock.
     */
    public Map<UUID, Subscription> findForUpdate(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return find("id in ?1", Sort.by("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                .collect(Collectors.toMap(Subscription::id, Function.identity()));
    }

    /**
     * Whether the tenant has a subscription to the service that is neither CANCELLED nor FAILED. Native, with the
     * condition of the partial unique index: a query with a list parameter is translated anew on every call, which
     * made this check the costliest part of subscribing.
     */
    public boolean hasLive(String ags, UUID serviceId) {
        return (Boolean) getEntityManager().createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM subscription
                                       WHERE ags = :ags AND service_id = :serviceId
                                         AND status NOT IN (:cancelled, :failed))
                        """, Boolean.class)
                .setParameter("ags", ags)
                .setParameter("serviceId", serviceId)
                .setParameter("cancelled", SubscriptionStatus.CANCELLED.name())
                .setParameter("failed", SubscriptionStatus.FAILED.name())
                .getSingleResult();
    }
}
