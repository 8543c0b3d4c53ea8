package de.efa.catalog;

import de.efa.infra.test.SqlProbe;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider with thousands of services moves its broker: each service is published again with a new version, and
 * every one of those events is written in the transaction of the move (one batch) and reaches Kafka.
 */
@QuarkusTest
class ProviderMoveAtScaleTest {

    private static final int SERVICES = 5_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyServiceOfAProviderWhoseBrokerMovedIsRepublishedAndSent() throws SQLException {
        String provider = unique("anbieter-gross");
        CatalogApi.provider(provider, "http://alt-gross.example.de");
        SqlProbe db = new SqlProbe(dataSource);
        insertServices(provider);
        try {
            // Slower than the 30 s the tests wait by default on a busy machine; a few seconds on an idle one.
            given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", (int) Duration.ofMinutes(2).toMillis())))
                    .auth().oauth2(TestTokens.operator()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                    .body(Map.of("name", "Anbieter " + provider, "kind", "LAND", "brokerUrl", "http://neu-gross.example.de"))
                    .put("/api/v1/providers/" + provider).then().statusCode(200);
            // Autovacuum has not seen the 5,000 new rows yet: without statistics the planner would join the
            // probes below row by row, 5,000 × 5,000 times, and they alone took half a minute.
            analyze("efa_service", "outbox_event", "audit_entry");

            assertThat(db.count("SELECT count(*) FROM efa_service WHERE provider_id = ? AND version = 2", provider))
                    .isEqualTo(SERVICES);
            assertThat(db.count("""
                    SELECT count(DISTINCT o.record_key) FROM outbox_event o JOIN efa_service s ON o.record_key = s.id::text
                    WHERE s.provider_id = ? AND o.type = 'de.efa.service.updated.v1'
                      AND o.payload LIKE '%"brokerUrl":"http://neu-gross.example.de"%' AND o.payload LIKE '%"version":2,%'""",
                    provider)).isEqualTo(SERVICES);
            assertThat(db.count("""
                    SELECT count(*) FROM audit_entry a JOIN efa_service s ON a.target_id = s.id::text
                    WHERE s.provider_id = ? AND a.target_type = 'service' AND a.action = 'service.update'""", provider))
                    .isEqualTo(SERVICES);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(db.count("""
                    SELECT count(*) FROM outbox_event o JOIN efa_service s ON o.record_key = s.id::text
                    WHERE s.provider_id = ? AND o.sent_at IS NULL""", provider)).isZero());
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement services = connection.prepareStatement("DELETE FROM efa_service WHERE provider_id = ?");
                 PreparedStatement registry = connection.prepareStatement("DELETE FROM provider WHERE id = ?")) {
                services.setString(1, provider);
                services.executeUpdate();
                registry.setString(1, provider);
                registry.executeUpdate();
            }
        }
    }

    private void analyze(String... tables) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    private void insertServices(String provider) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO efa_service (id, slug, name, summary, description, keywords, provider_id, leika_keys,
                        ozg_id, themenfeld, lead_land, available_in, reuse_models, languages, plans, plan_count, status,
                        version, created_at, updated_at)
                    SELECT gen_random_uuid(), '%1$s-' || i, 'Umzugsdienst ' || i, 'Online beantragen', NULL,
                        ARRAY['Umzug'], '%1$s', ARRAY['99000000000000'], NULL, 'bauen-wohnen', NULL, ARRAY[]::text[],
                        ARRAY['EFA_MARKTPLATZ'], ARRAY['de'], '[]', 0, 'PUBLISHED', 1, now(), now()
                    FROM generate_series(1, %2$d) i""".formatted(provider, SERVICES));
        }
    }
}
