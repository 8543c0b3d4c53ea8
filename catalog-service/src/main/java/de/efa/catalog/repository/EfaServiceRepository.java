package de.efa.catalog.repository;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.PageRequest;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.Slice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.hibernate.jpa.HibernateHints;

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
        boolean pageShowsTheEnd = items.size() < page.size() && (!items.isEmpty() || page.page() == 0);
        long total = pageShowsTheEnd
                ? page.offset() + items.size()
                : totals.total(statement.countKey(), () -> ((Number) bind(
                        getEntityManager().createNativeQuery(statement.countSql()), statement.parameters())
                        .getSingleResult()).longValue());
        return new Slice<>(items, total);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
