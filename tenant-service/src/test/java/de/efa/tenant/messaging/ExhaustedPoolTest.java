package de.efa.tenant.messaging;

import de.efa.infra.test.SqlProbe;
import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.CatalogTopic;
import de.efa.tenant.support.Db;
import de.efa.tenant.support.OnboardingTopics;
import de.efa.tenant.support.TestAgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Results that arrive while every connection of the pool is taken, for longer than the pool's acquisition timeout
 * (2 s in the test profile), wait for the database: none is skipped, and every subscription reaches its final status
 * once the pool is free again.
 */
@QuarkusTest
class ExhaustedPoolTest {

    private static final Duration HELD = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void resultsThatArriveWhileThePoolIsExhaustedAreAllAppliedOnceItIsFree() throws Exception {
        Db db = new Db(dataSource);
        CatalogTopic catalog = new CatalogTopic(kafka, db);
        OnboardingTopics onboarding = new OnboardingTopics(kafka, db);
        String ags = Api.activeTenant(TestAgs.fresh(), 1000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Api.subscribe(TestTokens.municipality(ags), ags, Map.of("serviceId",
                            catalog.publishedService().toString(), "planId", "standard",
                            "parameters", CatalogTopic.VALID_PARAMETERS))
                    .statusCode(202).extract().path("id"));
        }

        Map<String, UUID> jobs = new HashMap<>();
        ids.forEach(id -> jobs.put(id, db.latestRequest(id)));
        List<Connection> held = new ArrayList<>();
        try {
            holdEveryConnection(held);
            for (String id : ids) {
                result(onboarding, jobs, "provisioning-started", id, null);
            }
            for (String id : ids.subList(0, 3)) {
                result(onboarding, jobs, "provisioned", id, null);
            }
            result(onboarding, jobs, "provisioning-failed", ids.get(3), "the broker said no");
            Thread.sleep(HELD.toMillis());
            assertThat(outsideThePool().count(
                    "SELECT count(*) FROM subscription WHERE ags = ? AND status <> 'REQUESTED'", ags))
                    .as("nothing can be applied while the pool is exhausted").isZero();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        for (String id : ids.subList(0, 3)) {
            awaitStatus(ags, id, "ACTIVE");
            Api.asMunicipality(ags).get(path(ags, id)).then()
                    .body("history.status", equalTo(List.of("REQUESTED", "PROVISIONING", "ACTIVE")));
        }
        awaitStatus(ags, ids.get(3), "FAILED");
        Api.asMunicipality(ags).get(path(ags, ids.get(3))).then()
                .body("failureReason", equalTo("the broker said no"))
                .body("history.status", equalTo(List.of("REQUESTED", "PROVISIONING", "FAILED")));
        for (String id : ids) {
            assertThat(db.count("SELECT count(*) FROM parked_record WHERE record_key = ?", id)).isZero();
        }
    }

    /** A result of the subscription's job, its id read before the pool was taken. */
    private static void result(OnboardingTopics onboarding, Map<String, UUID> jobs, String type, String id,
                               String reason) {
        onboarding.publishResult(UUID.randomUUID().toString(), jobs.get(id), type, id, "PROVISION", reason,
                "http://localhost:8090/dashboard/" + id);
    }

    /** Takes every connection the pool has; one that another thread holds for a moment is waited for. */
    private void holdEveryConnection(List<Connection> held) {
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (held.size() < size && System.nanoTime() < deadline) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException e) {
                // Another thread had the last one for longer than the acquisition timeout: ask again.
            }
        }
        assertThat(held).as("every connection of the pool").hasSize(size);
    }

    /** The test's own connection, past the pool, to look at the database while the pool is exhausted. */
    private static SqlProbe outsideThePool() {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        direct.setUser(ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
        direct.setPassword(ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
        return new SqlProbe(direct);
    }

    private static void awaitStatus(String ags, String id, String status) {
        await().atMost(WAIT).untilAsserted(() -> Api.asOperator().get(path(ags, id)).then()
                .body("status", equalTo(status)));
    }

    private static String path(String ags, String id) {
        return "/api/v1/tenants/" + ags + "/subscriptions/" + id;
    }
}
