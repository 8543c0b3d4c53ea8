package de.efa.demoprovider.repository;

import de.efa.demoprovider.domain.InstanceFilter;
import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.InstanceState;
import de.efa.demoprovider.domain.Page;
import de.efa.demoprovider.domain.PageRequest;
import de.efa.demoprovider.domain.ServiceInstance;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ServiceInstanceRepository implements PanacheRepositoryBase<ServiceInstance, String> {

    /**
     * Takes the instance for a change. The advisory lock also covers an id that has no row yet, so two concurrent
     * first requests for one id cannot both create it; the row lock keeps the completion worker off the row.
     */
    public Optional<ServiceInstance> lockForChange(InstanceId id) {
        // Plain JDBC on the transaction's connection: as a Hibernate native query (flush check, query plan, result
        // mapping) this one statement took a third of the CPU of a provisioning's database work.
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, id.value());
                lock.execute();
            }
        });
        return findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<ServiceInstance> find(InstanceId id) {
        return findByIdOptional(id.value());
    }

    /** Newest first; the AGS criterion reads the {@code ags} the platform put into the instance's context. */
    @SuppressWarnings("unchecked")
    public Page<ServiceInstance> list(InstanceFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        filter.state().ifPresentOrElse(
                state -> add(conditions, parameters, "state = :state", "state", state.name()),
                () -> add(conditions, parameters, "state <> :state", "state", InstanceState.DELETED.name()));
        filter.ags().ifPresent(ags -> add(conditions, parameters, "context ->> 'ags' = :ags", "ags", ags));
        filter.serviceId().ifPresent(id -> add(conditions, parameters, "service_id = :serviceId", "serviceId", id));
        filter.planId().ifPresent(id -> add(conditions, parameters, "plan_id = :planId", "planId", id));
        String where = " WHERE " + String.join(" AND ", conditions);

        Query count = getEntityManager().createNativeQuery("SELECT count(*) FROM service_instance" + where, Long.class);
        Query items = getEntityManager().createNativeQuery("SELECT * FROM service_instance" + where
                + " ORDER BY created_at DESC, instance_id LIMIT :limit OFFSET :offset", ServiceInstance.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        items.setParameter("limit", page.size()).setParameter("offset", page.offset());
        return new Page<>(items.getResultList(), page.page(), page.size(), (Long) count.getSingleResult());
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name,
                            Object value) {
        conditions.add(condition);
        parameters.put(name, value);
    }
}
