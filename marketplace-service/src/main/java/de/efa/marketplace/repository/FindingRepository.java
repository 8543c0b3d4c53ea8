package de.efa.marketplace.repository;

import de.efa.marketplace.domain.Finding;
import de.efa.marketplace.domain.FindingKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, UUID> {

    /**
     * One open finding per subscription and kind (the partial unique index): a difference seen again while its
     * finding is open adds nothing, and the statement never fails the transaction it is part of.
     */
    private static final String OPEN_IF_NEW = """
            INSERT INTO finding (id, kind, subscription_id, broker_url, evidence, detected_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (subscription_id, kind) WHERE resolved_at IS NULL DO NOTHING
            """;

    /** Records the finding unless one of its subscription and kind is open; returns whether it was recorded. */
    public boolean openIfNew(Finding finding) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(OPEN_IF_NEW)) {
                insert.setObject(1, finding.id());
                insert.setString(2, finding.kind().name());
                insert.setObject(3, finding.subscriptionId());
                insert.setString(4, finding.brokerUrl());
                insert.setString(5, finding.evidence());
                insert.setTimestamp(6, Timestamp.from(finding.detectedAt()));
                return insert.executeUpdate() == 1;
            }
        });
    }

    public Optional<Finding> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The open finding of the subscription and kind (there is at most one), locked for its resolution. */
    public Optional<Finding> lockedOpen(UUID subscriptionId, FindingKind kind) {
        return find("subscriptionId = ?1 and kind = ?2 and resolvedAt is null", subscriptionId, kind)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Newest first; a null criterion means any. */
    public List<Finding> page(FindingKind kind, Boolean resolved, int page, int size) {
        Filter filter = Filter.of(kind, resolved);
        return find(filter.query(), Sort.descending("detectedAt").and("id", Sort.Direction.Descending),
                filter.parameters()).page(Page.of(page, size)).list();
    }

    public long count(FindingKind kind, Boolean resolved) {
        Filter filter = Filter.of(kind, resolved);
        return count(filter.query(), filter.parameters());
    }

    private record Filter(String query, Parameters parameters) {

        static Filter of(FindingKind kind, Boolean resolved) {
            List<String> clauses = new ArrayList<>();
            Parameters parameters = new Parameters();
            if (kind != null) {
                clauses.add("kind = :kind");
                parameters.and("kind", kind);
            }
            if (resolved != null) {
                clauses.add(resolved ? "resolvedAt is not null" : "resolvedAt is null");
            }
            return new Filter(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
        }
    }
}
