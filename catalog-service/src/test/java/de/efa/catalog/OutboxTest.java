package de.efa.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.infra.test.SqlProbe;
import de.efa.infra.test.TestTokens;
import de.efa.platform.housekeeping.Housekeeping;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 11: the catalog's events go through the platform's outbox, which refuses an event Kafka could never take
 * when the change is made (a problem answer, nothing stored), and forgets sent events after their retention (and
 * Idempotency-Keys after theirs) but never a parked event.
 */
@QuarkusTest
class OutboxTest {

    private static final String PROVIDER = "anbieter-outbox";
    /** The HTTP layer takes bodies up to 1 MiB; the outbox takes events up to efa.outbox.max-event-bytes (10^6). */
    private static final int MAX_BODY_BYTES = 1_048_576;
    private static final int MAX_EVENT_BYTES = 1_000_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Housekeeping housekeeping;

    private SqlProbe db;

    @BeforeEach
    void provider() {
        CatalogApi.provider(PROVIDER);
        db = new SqlProbe(dataSource);
    }

    @Test
    void aNewServiceWhoseEventWouldBeTooLargeIs413AndNothingIsStored() {
        String slug = unique("zu-gross");
        String body = oversized(service(slug, "Zu groß"));

        given().auth().oauth2(TestTokens.provider(PROVIDER)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/services")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/event-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("de.efa.service.created.v1"));

        assertThat(db.count("SELECT count(*) FROM efa_service WHERE slug = ?", slug)).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%\"slug\":\"" + slug + "\"%"))
                .isZero();
    }

    @Test
    void aReplacementWhoseEventWouldBeTooLargeIs413AndTheServiceKeepsItsVersion() {
        String slug = unique("bleibt");
        String id = CatalogApi.create(PROVIDER, service(slug, "Bleibt klein")).path("id");
        String body = oversized(service(slug, "Wird zu groß"));

        given().auth().oauth2(TestTokens.provider(PROVIDER)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(body).put("/api/v1/services/" + id)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/event-too-large"))
                .body("detail", containsString("de.efa.service.updated.v1"));

        given().auth().oauth2(TestTokens.provider(PROVIDER)).get("/api/v1/services/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Bleibt klein")).body("version", equalTo(1));
        assertThat(db.count("SELECT count(*) FROM efa_service WHERE id = ? AND version = 1", UUID.fromString(id)))
                .isOne();
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND type <> ?", id,
                "de.efa.service.created.v1")).isZero();
    }

    @Test
    void sentEventsAndKeysOlderThanTheirRetentionAreForgottenParkedEventsKept() throws SQLException {
        String oldKey = UUID.randomUUID().toString();
        String old = createWithKey(oldKey, unique("alt"));
        String recentKey = UUID.randomUUID().toString();
        String recent = createWithKey(recentKey, unique("neu"));
        String parked = CatalogApi.create(PROVIDER, service(unique("geparkt"), "Geparkt")).path("id");
        await().untilAsserted(() -> assertThat(db.count("SELECT count(*) FROM outbox_event "
                + "WHERE record_key IN (?, ?, ?) AND sent_at IS NOT NULL", old, recent, parked)).isEqualTo(3));
        update("UPDATE outbox_event SET sent_at = now() - interval '8 days' WHERE record_key = ?", old);
        update("UPDATE outbox_event SET sent_at = now() - interval '1 day' WHERE record_key = ?", recent);
        update("UPDATE outbox_event SET sent_at = NULL, parked_at = now(), created_at = now() - interval '30 days' "
                + "WHERE record_key = ?", parked);
        update("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = ?", oldKey);
        // The catalog consumes no events; the ids of processed ones are purged from its database all the same.
        UUID processed = UUID.randomUUID();
        update("INSERT INTO processed_event (ce_id, type, processed_at) VALUES (?, 'de.efa.test.v1', "
                + "now() - interval '8 days')", processed);

        Housekeeping.Forgotten forgotten = housekeeping.forgetOldRows();

        assertThat(forgotten.sentEvents()).isPositive();
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", old)).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", recent)).isOne();
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", parked)).isOne();
        assertThat(db.count("SELECT count(*) FROM processed_event WHERE ce_id = ?", processed)).isZero();
        assertThat(db.count("SELECT count(*) FROM idempotency_key WHERE key = ?", oldKey)).isZero();
        assertThat(db.count("SELECT count(*) FROM idempotency_key WHERE key = ?", recentKey)).isOne();
    }

    /**
     * The service as a body just under the HTTP layer's limit whose event, the service as GET shows it plus the
     * broker URL and the CloudEvents headers, is over the outbox's: sixteen plans, each with a parameter schema just
     * under its own limit of 64 KiB (a long description).
     */
    static String oversized(ObjectNode service) {
        ArrayNode plans = (ArrayNode) service.get("plans");
        ObjectNode first = (ObjectNode) plans.get(0);
        ((ObjectNode) first.get("parameters")).put("description", "x".repeat(63_500));
        for (int i = 1; i < 16; i++) {
            plans.add(first.deepCopy().put("id", first.get("id").asText() + "-" + i));
        }
        String body = service.toString();
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(MAX_EVENT_BYTES)
                .isLessThan(MAX_BODY_BYTES);
        return body;
    }

    private String createWithKey(String key, String slug) {
        return given().auth().oauth2(TestTokens.provider(PROVIDER)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(service(slug, "Mit Schlüssel").toString())
                .post("/api/v1/services").then().statusCode(201).extract().path("id");
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
