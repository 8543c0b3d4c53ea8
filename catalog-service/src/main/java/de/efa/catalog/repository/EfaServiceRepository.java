package de.efa.catalog.repository;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.ServiceRef;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import org.hibernate.jpa.HibernateHints;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

@ApplicationScoped
public class EfaServiceRepository implements PanacheRepositoryBase<EfaService, UUID> {

    private final SearchTotals totals;
    private final AgroalDataSource dataSource;

    public EfaServiceRepository(SearchTotals totals, AgroalDataSource dataSource) {
        this.totals = totals;
        this.dataSource = dataSource;
    }

    /** A service only to be shown: loaded read-only, so that the end of the transaction has nothing to check. */
    public Optional<EfaService> findForReading(UUID id) {
        return Optional.ofNullable(getEntityManager().find(EfaService.class, id, Map.of(HibernateHints.HINT_READ_ONLY, true)));
    }

    /** Services only to be shown, in no particular order; ids that name no service are left out. */
    public List<EfaService> findAllForReading(Collection<UUID> ids) {
        return find("id in ?1", ids).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    public boolean slugTakenByAnother(String slug, UUID id) {
        return count("slug = ?1 and id <> ?2", slug, id) > 0;
    }

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    public List<EfaService> ofProvider(String providerId) {
        return list("providerId", providerId);
    }

    /**
     * One page of hits, loaded read-only. The total is counted only when the page cannot tell it (a page that is
     * not full and not past the end shows where the list ends, the usual case for a focused search), and a
     * recent count of the same search is reused ({@link SearchTotals}).
     */
    @SuppressWarnings("unchecked")
    public Page<EfaService> search(SearchCriteria criteria, Visibility visibility, PageRequest page) {
        SearchStatement statement = new SearchStatement(criteria, visibility);
        List<EfaService> items = bind(getEntityManager().createNativeQuery(statement.pageSql(page), EfaService.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true), statement.parameters()).getResultList();
        return Page.of(items, page, total(statement, page, items.size(), null, () -> ((Number) bind(
                getEntityManager().createNativeQuery(statement.countSql()), statement.parameters())
                .getSingleResult()).longValue()));
    }

    /**
     * One page of PUBLISHED hits, named by id and version only, for answers whose services are rendered
     * already; the total as in {@link #search}, or from the page query itself when it ranks words. Plain JDBC
     * on a connection of its own: this runs for every public search that misses its cached answer, and neither
     * needs a transaction nor gains from Hibernate reading the result set's metadata to map two columns.
     */
    public Page<ServiceRef> searchPublished(SearchCriteria criteria, PageRequest page) {
        SearchStatement statement = new SearchStatement(criteria, Visibility.publishedOnly());
        try (Connection connection = dataSource.getConnection()) {
            List<ServiceRef> refs = new ArrayList<>(page.size());
            Long counted = null;
            try (PreparedStatement query = prepare(connection, statement.positional(statement.refsSql(page)));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    refs.add(new ServiceRef(rows.getObject(1, UUID.class), rows.getLong(2)));
                    if (statement.countsAlongside()) {
                        counted = rows.getLong(3);
                    }
                }
            }
            return Page.of(refs, page, total(statement, page, refs.size(), counted, () -> count(connection, statement)));
        } catch (SQLException e) {
            throw new PersistenceException("the public search failed", e);
        }
    }

    private static long count(Connection connection, SearchStatement statement) {
        try (PreparedStatement query = prepare(connection, statement.positional(statement.countSql()));
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new PersistenceException("counting a public search failed", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, SearchStatement.Positional sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.sql());
        try {
            for (int i = 0; i < sql.values().size(); i++) {
                statement.setObject(i + 1, sql.values().get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private long total(SearchStatement statement, PageRequest page, int found, Long counted, LongSupplier count) {
        if (counted != null) {
            return counted;
        }
        boolean pageShowsTheEnd = found < page.size() && (found > 0 || page.page() == 0);
        return pageShowsTheEnd ? page.offset() + found : totals.total(statement.countKey(), count);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
