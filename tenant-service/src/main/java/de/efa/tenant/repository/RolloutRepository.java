package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.Rollout;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RolloutRepository implements PanacheRepositoryBase<Rollout, UUID> {

    /** One page of the rollouts, newest first: every one, or those a bundler ordered. */
    public Page<Rollout> newestFirst(Optional<String> bundlerId, PageRequest page) {
        Sort newest = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        PanacheQuery<Rollout> rollouts = bundlerId.map(id -> find("bundlerId", newest, id))
                .orElseGet(() -> findAll(newest));
        return Page.of(rollouts.page(page.page(), page.size()).list(), page, rollouts.count());
    }

    /**
     * These rollouts, locked until the end of the transaction in the order of their ids: whoever finishes the last
     * items of a rollout (the worker, or results on any replica) decides whether it is DONE after the others have.
     */
    public List<Rollout> findForUpdate(Collection<UUID> ids) {
        return find("id in ?1", Sort.by("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
