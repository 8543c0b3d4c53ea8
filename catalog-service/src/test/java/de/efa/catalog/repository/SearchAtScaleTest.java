package de.efa.catalog.repository;

import de.efa.catalog.domain.LandCode;
import de.efa.catalog.domain.SearchCriteria;
import de.efa.catalog.domain.Themenfeld;
import de.efa.catalog.service.demo.Csv;
import de.efa.platform.paging.PageRequest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Issue item 3 at the size of the search benchmark (deploy/bench/README.md): 10,000 services generated from the OZG
 * catalog, loaded with bulk SQL, and the search query of {@link EfaServiceRepository} is planned with the GIN index.
 */
@QuarkusTest
class SearchAtScaleTest {

    private static final int SERVICES = 10_000;
    private static final String PROVIDER = "massenanbieter";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void tenThousandServicesAreSearchedThroughTheGinIndex() throws SQLException {
        load();
        try {
            List<String> plan = explain(new SearchCriteria("Führerscheins", null, null, null, null, null, null));
            assertThat(String.join("\n", plan)).contains("Bitmap Index Scan on efa_service_search");
            List<String> filtered = explain(new SearchCriteria("Elterngeld", Themenfeld.FAMILIE_KIND, LandCode.of("14"),
                    null, null, null, null));
            assertThat(String.join("\n", filtered)).contains("efa_service_search");
            // "geld" inside Elterngeld, Kindergeld, Wohngeld, …: the index of word endings finds them, none is read in vain.
            List<String> inside = explain(new SearchCriteria("geld", null, null, null, null, null, null));
            assertThat(String.join("\n", inside)).contains("Bitmap Index Scan on efa_service_search_parts")
                    .doesNotContain("Seq Scan");

            given().queryParams("q", "Führerscheins", "providerId", PROVIDER, "size", "100").get("/api/v1/services")
                    .then().statusCode(200).body("items", hasSize(greaterThanOrEqualTo(18)))
                    .body("total", greaterThanOrEqualTo(18));
            given().queryParams("q", "geld", "providerId", PROVIDER, "size", "100").get("/api/v1/services")
                    .then().statusCode(200).body("items", hasSize(100)).body("total", greaterThanOrEqualTo(100));
            given().queryParams("providerId", PROVIDER, "size", "5", "page", "3").get("/api/v1/services")
                    .then().statusCode(200).body("items", hasSize(5)).body("total", equalTo(SERVICES));
        } finally {
            clear();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> explain(SearchCriteria criteria) {
        SearchStatement statement = new SearchStatement(criteria, Visibility.publishedOnly());
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = entityManager.createNativeQuery("EXPLAIN " + statement.pageSql(new PageRequest(0, 20)));
            statement.parameters().forEach(query::setParameter);
            return (List<String>) query.getResultList();
        });
    }

    /** Each OZG-Leistung offered in 18 regional variants, as Länder and municipal providers offer their own. */
    private void load() throws SQLException {
        List<Map<String, String>> ozg = Csv.read("ozg-katalog-2019.csv");
        String[] lands = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16"};
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO provider (id, name, kind, broker_url, version, created_at, updated_at) "
                        + "VALUES ('" + PROVIDER + "', 'Massenanbieter', 'LAND', 'http://osb.example.de', 1, now(), now())");
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO efa_service (id, slug, name, summary, description, keywords, provider_id, leika_keys, ozg_id,
                        themenfeld, lead_land, available_in, reuse_models, languages, plans, plan_count, status, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ARRAY['EFA_MARKTPLATZ'], ARRAY['de'], '[]', 0, 'PUBLISHED', 1,
                        now() - make_interval(secs => ?), now())""")) {
                for (int i = 0; i < SERVICES; i++) {
                    Map<String, String> row = ozg.get(i % ozg.size());
                    int variant = i / ozg.size();
                    String land = lands[variant % lands.length];
                    String themenfeld = Themenfeld.byGermanName(row.get("themenfeld"))
                            .orElse(Themenfeld.QUERSCHNITTSLEISTUNGEN).code();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "massendienst-" + i);
                    insert.setString(3, row.get("ozg_leistung") + " (" + LandCode.of(land).name() + ", Variante " + variant + ")");
                    insert.setString(4, row.get("ozg_leistung") + " online beantragen");
                    insert.setString(5, "Lebenslage " + row.get("lebenslage") + ": " + row.get("ozg_leistung")
                            + " digital, nach dem Prinzip Einer für Alle.");
                    insert.setArray(6, connection.createArrayOf("text", new String[] {row.get("lebenslage")}));
                    insert.setString(7, PROVIDER);
                    insert.setArray(8, connection.createArrayOf("text", row.get("leika_keys").split(";")));
                    insert.setString(9, row.get("ozg_id"));
                    insert.setString(10, themenfeld);
                    insert.setString(11, land);
                    insert.setArray(12, connection.createArrayOf("text", variant % 3 == 0 ? new String[0] : new String[] {land}));
                    insert.setInt(13, i);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("VACUUM ANALYZE efa_service");
            }
        }
    }

    private void clear() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM efa_service WHERE provider_id = '" + PROVIDER + "'");
            statement.execute("DELETE FROM provider WHERE id = '" + PROVIDER + "'");
        }
    }
}
