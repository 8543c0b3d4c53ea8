package de.efa.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.security.Caller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit trail: a use case that changes state records here, with one call, who did what to which resource and
 * with what outcome. Each entry is written in the transaction of the change (a call outside a transaction fails), so
 * an entry exists exactly when its change does; write one entry per changed resource. Entries are kept for good.
 *
 * <pre>{@code
 * auditTrail.record("service.publish", AuditRef.of("service", service.id()), "PUBLISHED");
 * auditTrail.record(Actor.of(caller).onBehalfOf(AuditRef.of("tenant", ags)), "subscription.cancel",
 *         AuditRef.of("subscription", id), "CANCELLATION_REQUESTED", Map.of());
 * auditTrail.record(Actor.system("interest-expiry"), "subscription.expire", AuditRef.of("subscription", id),
 *         "EXPIRED", Map.of("after", "P30D"));
 * }</pre>
 *
 * The forms without an {@link Actor} name {@link #actor()}: the caller of the current request, or, where no one is
 * logged in (startup, a scheduler, an event handler), this service itself.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final int MAX_ACTION = 100;
    private static final String INSERT = """
            INSERT INTO audit_entry (id, actor, actor_role, on_behalf_of, action, target_type, target_id, outcome,
                                     details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private final EntityManager entityManager;
    private final Instance<Caller> callers;
    private final ObjectMapper json;
    private final String applicationName;

    public AuditTrail(EntityManager entityManager, Instance<Caller> callers, ObjectMapper json,
                      @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.callers = callers;
        this.json = json;
        this.applicationName = applicationName;
    }

    /** {@link #actor()} did {@code action} to {@code target}, which ended in {@code outcome}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, AuditRef target, String outcome) {
        record(actor(), action, target, outcome, Map.of());
    }

    /** The same, with details of the change as a JSON object (what changed, a reason). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, AuditRef target, String outcome, Map<String, ?> details) {
        record(actor(), action, target, outcome, details);
    }

    /** {@code actor} did it: a named part of the system, or someone acting on another's behalf. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, AuditRef target, String outcome) {
        record(actor, action, target, outcome, Map.of());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, AuditRef target, String outcome, Map<String, ?> details) {
        recordEach(actor, action, List.of(target), outcome, details);
    }

    /** One action of {@link #actor()} that changed many resources alike: an entry for each, in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(String action, List<AuditRef> targets, String outcome, Map<String, ?> details) {
        recordEach(actor(), action, targets, outcome, details);
    }

    /** The same, by {@code actor}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(Actor actor, String action, List<AuditRef> targets, String outcome,
                           Map<String, ?> details) {
        recordAll(targets.stream().map(target -> new Change(actor, action, target, outcome, details)).toList());
    }

    /**
     * Many changes, each with its own actor and details (a rollout subscribing thousands of tenants, each on its own
     * behalf), in one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Change> changes) {
        changes.forEach(Change::requireValid);
        if (changes.isEmpty()) {
            return;
        }
        // recordEach hands one details map to every change: written as JSON once, not once per entry.
        Map<Map<String, ?>, String> detailsJson = new IdentityHashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Change change : changes) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, change.actor().id());
                    insert.setString(3, change.actor().role());
                    insert.setString(4, change.actor().onBehalfOf() == null ? null
                            : change.actor().onBehalfOf().toString());
                    insert.setString(5, change.action());
                    insert.setString(6, change.target().type());
                    insert.setString(7, change.target().id());
                    insert.setString(8, change.outcome());
                    insert.setString(9, change.details() == null || change.details().isEmpty() ? null
                            : detailsJson.computeIfAbsent(change.details(), this::toJson));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** One entry to be: {@code actor} did {@code action} to {@code target}, which ended in {@code outcome}. */
    public record Change(Actor actor, String action, AuditRef target, String outcome, Map<String, ?> details) {

        private void requireValid() {
            if (action == null || action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException("an audit action is resource.verb in lower case with hyphens, at "
                        + "most " + MAX_ACTION + " characters (service.publish), not '" + action + "'");
            }
            if (outcome == null || outcome.isBlank()) {
                throw new IllegalArgumentException("an audit entry needs an outcome");
            }
        }
    }

    /**
     * Who the forms without an actor name: the caller of the current request, or this service (its
     * {@code quarkus.application.name}, role {@value Actor#SYSTEM_ROLE}) where no one is logged in. A use case
     * acting for someone else names {@code auditTrail.actor().onBehalfOf(…)}.
     */
    public Actor actor() {
        if (Arc.container().requestContext().isActive()) {
            try (Instance.Handle<Caller> handle = callers.getHandle()) {
                Caller caller = handle.get();
                if (caller.subject() != null) {
                    return Actor.of(caller);
                }
            }
        }
        return Actor.system(applicationName);
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be writable as JSON: " + e.getMessage(), e);
        }
    }
}
