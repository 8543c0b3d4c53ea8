package de.efa.catalog.repository;

import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.SearchOrder;
import de.efa.catalog.domain.ServiceRef;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query behind public searches ({@link SearchStatement#refsSql}) over 10,000 services: planned with the GIN
 * index, its window count equal to a separate count on every page (past the end too), and its hits in the
 * order of the full query that providers and operators get.
 */
@QuarkusTest
class PublishedRefsAtScaleTest {

    private static final String PROVIDER = "zunftanbieter";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    EfaServiceRepository services;

    @Test
    void refsArePlannedWithTheGinIndexCountedAndOrderedLikeTheFullQuery() throws SQLException {
        load();
        try {
            assertThat(explain(words("Zunftbriefe", null))).contains("Bitmap Index Scan on efa_service_search");

            assertThat(refs(words("Zunftbriefe", null), 0, 20)).satisfies(page -> {
                assertThat(page.items()).hasSize(20);
                assertThat(page.total()).isEqualTo(50);
            });
            assertThat(refs(words("Zunftbriefe", null), 2, 20)).satisfies(page -> {
                assertThat(page.items()).hasSize(10);
                assertThat(page.total()).isEqualTo(50);
            });
            assertThat(refs(words("Zunftbriefe", null), 5, 20)).satisfies(page -> {
                assertThat(page.items()).isEmpty();
                assertThat(page.total()).isEqualTo(50);
            });
            assertThat(refs(words("Zunftwesens", null), 3, 50).total()).isEqualTo(10_000);

            for (SearchOrder order : SearchOrder.values()) {
                SearchCriteria criteria = words("Zunftwesen", order);
                assertThat(refs(criteria, 7, 50).items().stream().map(ServiceRef::id).toList()).as(order.name())
                        .isEqualTo(full(criteria, 7, 50).stream().map(EfaService::id).toList());
            }
        } finally {
            clear();
        }
    }

    private static SearchCriteria words(String query, SearchOrder order) {
        return new SearchCriteria(query, null, null, null, null, PROVIDER, order);
    }

    private Page<ServiceRef> refs(SearchCriteria criteria, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> services.searchPublished(criteria, new PageRequest(page, size)));
    }

    private List<EfaService> full(SearchCriteria criteria, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() ->
                services.search(criteria, Visibility.publishedOnly(), new PageRequest(page, size)).items());
    }

    @SuppressWarnings("unchecked")
    private String explain(SearchCriteria criteria) {
        SearchStatement statement = new SearchStatement(criteria, Visibility.publishedOnly());
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = entityManager.createNativeQuery("EXPLAIN " + statement.refsSql(new PageRequest(0, 20)));
            statement.parameters().forEach(query::setParameter);
            return String.join("\n", (List<String>) query.getResultList());
        });
    }

    /** 10,000 services that all mention the Zunftwesen, 50 of them a Zunftbrief in their name. */
    private void load() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO provider (id, name, kind, broker_url, version, created_at, updated_at) "
                    + "VALUES ('" + PROVIDER + "', 'Zunftanbieter', 'LAND', 'http://osb.example.de', 1, now(), now())");
            statement.execute("""
                    INSERT INTO efa_service (id, slug, name, summary, description, keywords, provider_id, leika_keys,
                        ozg_id, themenfeld, lead_land, available_in, reuse_models, languages, plans, plan_count, status,
                        version, created_at, updated_at)
                    SELECT gen_random_uuid(), 'zunft-' || i,
                        CASE WHEN i %% 200 = 0 THEN 'Zunftbrief ' ELSE 'Gewerbeschein ' END || i,
                        'Im Zunftwesen online beantragen', NULL, ARRAY['Handwerk'], '%s', ARRAY['99000000000000'], NULL,
                        'bauen-wohnen', NULL, ARRAY[]::text[], ARRAY['EFA_MARKTPLATZ'], ARRAY['de'], '[]', 0, 'PUBLISHED', 1,
                        now() - make_interval(secs => i %% 97), now()
                    FROM generate_series(1, 10000) i""".formatted(PROVIDER));
            statement.execute("VACUUM ANALYZE efa_service");
        }
    }

    private void clear() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM efa_service WHERE provider_id = '" + PROVIDER + "'");
            statement.execute("DELETE FROM provider WHERE id = '" + PROVIDER + "'");
        }
    }
}
