package de.efa.catalog.repository;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.PageRequest;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.ServiceRef;
import de.efa.catalog.domain.Slice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EfaServiceRepository implements PanacheRepositoryBase<EfaService, UUID> {

    private final SearchTotals totals;

    public EfaServiceRepository(SearchTotals totals) {
        this.totals = totals;
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
    public Slice<EfaService> search(SearchCriteria criteria, Visibility visibility, PageRequest page) {
        SearchStatement statement = new SearchStatement(criteria, visibility);
        List<EfaService> items = bind(getEntityManager().createNativeQuery(statement.pageSql(page), EfaService.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true), statement.parameters()).getResultList();
        return new Slice<>(items, total(statement, page, items.size(), null));
    }

    /**
     * One page of PUBLISHED hits, named by id and version only, for answers whose services are rendered
     * already; the total as in {@link #search}, or from the page query itself when it ranks words.
     */
    public Slice<ServiceRef> searchPublished(SearchCriteria criteria, PageRequest page) {
        SearchStatement statement = new SearchStatement(criteria, Visibility.publishedOnly());
        NativeQuery<Object[]> query = getEntityManager().unwrap(Session.class).createNativeQuery(statement.refsSql(page), Object[].class)
                .addScalar("id", UUID.class)
                .addScalar("version", Long.class);
        if (statement.countsAlongside()) {
            query.addScalar("total", Long.class);
        }
        List<Object[]> rows = bind(query, statement.parameters()).getResultList();
        List<ServiceRef> refs = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            refs.add(new ServiceRef((UUID) row[0], (Long) row[1]));
        }
        Long counted = statement.countsAlongside() && !rows.isEmpty() ? (Long) rows.get(0)[2] : null;
        return new Slice<>(refs, total(statement, page, refs.size(), counted));
    }

    private long total(SearchStatement statement, PageRequest page, int found, Long counted) {
        if (counted != null) {
            return counted;
        }
        boolean pageShowsTheEnd = found < page.size() && (found > 0 || page.page() == 0);
        return pageShowsTheEnd
                ? page.offset() + found
                : totals.total(statement.countKey(), () -> ((Number) bind(
                        getEntityManager().createNativeQuery(statement.countSql()), statement.parameters())
                        .getSingleResult()).longValue());
    }

    private static <Q extends Query> Q bind(Q query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
