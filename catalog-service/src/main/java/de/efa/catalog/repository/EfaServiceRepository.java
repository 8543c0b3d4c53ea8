package de.efa.catalog.repository;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.PageRequest;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.Slice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class EfaServiceRepository implements PanacheRepositoryBase<EfaService, UUID> {

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
     * One page of hits. The total is counted only when the page cannot tell it: a page that is not full and
     * not past the end already shows where the list ends, which is the usual case for a focused search.
     */
    @SuppressWarnings("unchecked")
    public Slice<EfaService> search(SearchCriteria criteria, Visibility visibility, PageRequest page) {
        SearchStatement statement = new SearchStatement(criteria, visibility);
        List<EfaService> items = bind(getEntityManager().createNativeQuery(statement.pageSql(page), EfaService.class),
                statement.parameters()).getResultList();
        boolean pageShowsTheEnd = items.size() < page.size() && (!items.isEmpty() || page.page() == 0);
        long total = pageShowsTheEnd
                ? page.offset() + items.size()
                : ((Number) bind(getEntityManager().createNativeQuery(statement.countSql()), statement.parameters())
                        .getSingleResult()).longValue();
        return new Slice<>(items, total);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
