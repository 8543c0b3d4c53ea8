package de.efa.tenant.repository;

import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public PanacheQuery<Subscription> ofTenant(String ags) {
        return find("ags", Sort.by("createdAt").and("id"), ags);
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

    /** Whether the tenant has a subscription to the service that is neither CANCELLED nor FAILED. */
    public boolean hasLive(String ags, UUID serviceId) {
        return count("ags = ?1 and serviceId = ?2 and status not in ?3", ags, serviceId,
                List.of(SubscriptionStatus.CANCELLED, SubscriptionStatus.FAILED)) > 0;
    }
}
