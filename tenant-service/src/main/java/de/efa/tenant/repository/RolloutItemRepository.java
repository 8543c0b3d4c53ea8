package de.efa.tenant.repository;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.tenant.domain.RolloutItem;
import de.efa.tenant.domain.RolloutItemStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class RolloutItemRepository implements PanacheRepositoryBase<RolloutItem, RolloutItem.Key> {

    private static final String INSERT = """
            INSERT INTO rollout_item (rollout_id, ags, tenant_name, status, updated_at) VALUES (?, ?, ?, ?, ?)""";

    /**
     * Inserts new items with one JDBC batch, which the driver sends as multi-row INSERTs: every municipality of a
     * national rollout in a few round trips rather than one each.
     */
    public void insertAll(List<RolloutItem> items) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (RolloutItem item : items) {
                    insert.setObject(1, item.rolloutId());
                    insert.setString(2, item.ags().value());
                    insert.setString(3, item.tenantName().orElse(null));
                    insert.setString(4, item.status().name());
                    insert.setTimestamp(5, Timestamp.from(item.updatedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Up to {@code limit} PENDING items, locked until the end of the transaction; items another worker (another
     * replica) holds are skipped, so no two take the same item. Rollout by rollout, each in AGS order.
     */
    @SuppressWarnings("unchecked")
    public List<RolloutItem> claimPending(int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM rollout_item WHERE status = 'PENDING' ORDER BY rollout_id, ags
                        LIMIT :limit FOR UPDATE SKIP LOCKED""", RolloutItem.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The keys of the PENDING items {@link #claimPending} would take next, read without a lock. */
    public List<RolloutItem.Key> pendingKeys(int limit) {
        return getEntityManager().createQuery("""
                        select i.key from RolloutItem i where i.status = :pending
                        order by i.key.rolloutId, i.key.ags""", RolloutItem.Key.class)
                .setParameter("pending", RolloutItemStatus.PENDING)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The item, locked, if it is PENDING and no other worker holds it. */
    @SuppressWarnings("unchecked")
    public Optional<RolloutItem> lockPending(RolloutItem.Key key) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM rollout_item WHERE rollout_id = :rollout AND ags = :ags AND status = 'PENDING'
                        FOR UPDATE SKIP LOCKED""", RolloutItem.class)
                .setParameter("rollout", key.rolloutId())
                .setParameter("ags", key.ags())
                .getResultStream().findFirst();
    }

    /** The items waiting for the first provisioning of these subscriptions. */
    public List<RolloutItem> waitingFor(Collection<UUID> subscriptionIds) {
        return list("subscriptionId in ?1 and status = ?2", subscriptionIds, RolloutItemStatus.SUBSCRIBED);
    }

    /** Those of these rollouts that have an item still to be handled or provisioned. */
    public Set<UUID> unfinished(Collection<UUID> rolloutIds) {
        return new HashSet<>(getEntityManager().createQuery("""
                        select distinct i.key.rolloutId from RolloutItem i
                        where i.key.rolloutId in :ids and i.status in :open""", UUID.class)
                .setParameter("ids", rolloutIds)
                .setParameter("open", List.of(RolloutItemStatus.PENDING, RolloutItemStatus.SUBSCRIBED))
                .getResultList());
    }

    /** How many items of each of these rollouts are in each status, with one query. */
    public Map<UUID, Map<RolloutItemStatus, Long>> counts(Collection<UUID> rolloutIds) {
        Map<UUID, Map<RolloutItemStatus, Long>> counts = new HashMap<>();
        if (rolloutIds.isEmpty()) {
            return counts;
        }
        getEntityManager().createQuery("""
                        select i.key.rolloutId, i.status, count(i) from RolloutItem i
                        where i.key.rolloutId in :ids group by i.key.rolloutId, i.status""", Object[].class)
                .setParameter("ids", rolloutIds)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(RolloutItemStatus.class))
                        .put((RolloutItemStatus) row[1], (Long) row[2]));
        return counts;
    }

    /** One page of a rollout's items in AGS order, optionally of one status. */
    public Page<RolloutItem> ofRollout(UUID rolloutId, Optional<RolloutItemStatus> status, PageRequest page) {
        Parameters parameters = Parameters.with("id", rolloutId);
        String query = "key.rolloutId = :id";
        if (status.isPresent()) {
            query += " and status = :status";
            parameters.and("status", status.get());
        }
        PanacheQuery<RolloutItem> items = find(query, Sort.by("key.ags"), parameters);
        return Page.of(items.page(page.page(), page.size()).list(), page, items.count());
    }
}
