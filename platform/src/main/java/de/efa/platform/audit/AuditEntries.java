package de.efa.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the audit trail ({@code audit_entry}), newest first by time and then id, which its indexes serve: one on
 * time, one per actor and one per target, each with time and id behind.
 */
@ApplicationScoped
public class AuditEntries {

    private static final String COLUMNS = """
            SELECT id, at, actor, actor_role, on_behalf_of, action, target_type, target_id, outcome, details::text
            FROM audit_entry""";
    private static final String NEWEST_FIRST = " ORDER BY at DESC, id DESC";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public AuditEntries(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** One page of the entries that match. */
    @Transactional
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        Where where = Where.of(filter);
        return select(COLUMNS + where.sql() + NEWEST_FIRST + " OFFSET ? LIMIT ?",
                where.with(offset, limit));
    }

    /** The next {@code limit} entries that match after {@code last} (null: from the newest), for reading them all. */
    @Transactional
    public List<AuditEntry> after(AuditFilter filter, AuditEntry last, int limit) {
        Where where = Where.of(filter);
        if (last != null) {
            where = where.and("(at, id) < (?, ?)", Where.time(last.at()), last.id());
        }
        return select(COLUMNS + where.sql() + NEWEST_FIRST + " LIMIT ?", where.with(limit));
    }

    @Transactional
    public long count(AuditFilter filter) {
        Where where = Where.of(filter);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_entry" + where.sql())) {
                Where.bind(count, where.parameters());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private List<AuditEntry> select(String sql, List<Object> parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Where.bind(select, parameters);
                try (ResultSet rows = select.executeQuery()) {
                    List<AuditEntry> entries = new ArrayList<>();
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                    return entries;
                }
            }
        });
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        String details = row.getString(10);
        try {
            return new AuditEntry(row.getObject(1, UUID.class), row.getObject(2, OffsetDateTime.class).toInstant(),
                    row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                    row.getString(7) + ":" + row.getString(8), row.getString(9),
                    details == null ? null : json.readTree(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry " + row.getObject(1) + " has details that are no JSON", e);
        }
    }

    /** The conditions of a filter, with only the parameters it names, so that PostgreSQL plans for exactly those. */
    private record Where(List<String> conditions, List<Object> parameters) {

        static Where of(AuditFilter filter) {
            Where where = new Where(new ArrayList<>(), new ArrayList<>());
            filter.from().ifPresent(from -> where.add("at >= ?", time(from)));
            filter.to().ifPresent(to -> where.add("at < ?", time(to)));
            filter.actor().ifPresent(actor -> where.add("actor = ?", actor));
            filter.targetType().ifPresent(type -> where.add("target_type = ?", type));
            filter.targetId().ifPresent(id -> where.add("target_id = ?", id));
            return where;
        }

        Where and(String condition, Object... values) {
            Where more = new Where(new ArrayList<>(conditions), new ArrayList<>(parameters));
            more.add(condition, values);
            return more;
        }

        private void add(String condition, Object... values) {
            conditions.add(condition);
            parameters.addAll(List.of(values));
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        List<Object> with(Object... more) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(List.of(more));
            return all;
        }

        static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        }

        static OffsetDateTime time(Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }
}
