package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A rollout at scale: a directory of 2,000 municipalities imported in one request, then one rollout of
 * {@code "all": true} subscribes every ACTIVE tenant, in several of the worker's batches, each subscription with its
 * event, history and audit entry. The times are logged, not asserted; the national figure (10,751 municipalities,
 * through to ACTIVE) is measured by {@code deploy/bench.sh rollout --bulk}.
 */
@QuarkusTest
class NationalRolloutTest {

    private static final Logger LOG = Logger.getLogger(NationalRolloutTest.class);
    private static final int MUNICIPALITIES = 2_000;

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void tenThousandMunicipalitiesAreImportedAndRolledOutInOneGo() {
        Db db = new Db(dataSource);
        StringBuilder csv = new StringBuilder(TenantImportTest.HEADER);
        for (int i = 0; i < MUNICIPALITIES; i++) {
            // Mecklenburg-Vorpommern (13), Kreise 139xx, which no other test uses.
            csv.append(13_900_000 + i).append(",\"Gemeinde ").append(i).append(i % 10 == 0 ? ", Stadt" : "")
                    .append("\",13,").append(1_000 + i).append(",2024\n");
        }
        long importStarted = System.nanoTime();
        TenantImportTest.send(csv.toString()).statusCode(200).body("created", equalTo(MUNICIPALITIES))
                .body("existing", equalTo(0));
        long importMillis = (System.nanoTime() - importStarted) / 1_000_000;
        assertThat(db.count("SELECT count(*) FROM tenant WHERE ags LIKE '139%' AND status = 'ACTIVE' "
                + "AND contact_email IS NULL")).isEqualTo(MUNICIPALITIES);
        assertThat(db.count("SELECT count(*) FROM tenant WHERE ags LIKE '139%' AND kind = 'STADT'"))
                .isEqualTo(MUNICIPALITIES / 10);

        UUID service = new CatalogTopic(kafka, db).publishedService();
        long active = db.count("SELECT count(*) FROM tenant WHERE status = 'ACTIVE'");
        long rolloutStarted = System.nanoTime();
        String id = RolloutResourceTest.start(TestTokens.operator(), RolloutResourceTest.rollout(service, "standard",
                Map.of("all", true))).statusCode(202).extract().path("id");
        long answerMillis = (System.nanoTime() - rolloutStarted) / 1_000_000;
        // Generous: the figure is reported, not asserted, and CI machines are shared.
        JsonPath handled = RolloutResourceTest.handled(TestTokens.operator(), id, Duration.ofMinutes(5));
        long fanOutMillis = (System.nanoTime() - rolloutStarted) / 1_000_000;

        long subscribed = db.count("SELECT count(*) FROM subscription WHERE service_id = ?", service);
        assertThat(handled.getLong("counts.selected")).as("every ACTIVE tenant, and only those").isEqualTo(active);
        assertThat(subscribed).isEqualTo(handled.getLong("counts.subscribed")).isEqualTo(active);
        assertThat(db.count("SELECT count(*) FROM subscription s JOIN rollout_item i ON i.subscription_id = s.id "
                + "WHERE i.rollout_id = ?::uuid AND s.request_id IS NOT NULL", id)).isEqualTo(subscribed);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE type = 'de.efa.subscription.requested.v1' "
                + "AND payload::jsonb ->> 'serviceId' = ?", service.toString())).isEqualTo(subscribed);
        assertThat(db.count("SELECT count(*) FROM subscription_history h JOIN subscription s "
                + "ON s.id = h.subscription_id WHERE s.service_id = ?", service)).isEqualTo(subscribed);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'subscription.create' "
                + "AND details ->> 'rolloutId' = ?", id)).isEqualTo(subscribed);
        LOG.infof("national case: %d municipalities imported in %d ms; a rollout over %d tenants answered in %d ms, "
                        + "all %d subscriptions and their events written after %d ms", MUNICIPALITIES, importMillis,
                handled.getLong("counts.selected"), answerMillis, subscribed, fanOutMillis);
    }
}
