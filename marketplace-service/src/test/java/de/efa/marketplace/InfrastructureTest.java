package de.efa.marketplace;

import de.efa.infra.test.InfrastructureChecks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The foundation under this service: real PostgreSQL, a real Kafka broker, health, liveness, metrics and API docs. */
@QuarkusTest
class InfrastructureTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void writesAndReadsARowThroughRealPostgres() {
        InfrastructureChecks.postgresRoundTrip(dataSource);
    }

    @Test
    void sendsAndReceivesARecordThroughARealKafkaBroker() {
        InfrastructureChecks.kafkaRoundTrip(kafka);
    }

    @Test
    void answersHealthMetricsAndOpenApi() {
        InfrastructureChecks.operationalEndpoints("marketplace-service");
    }

    /** A hung dispatcher or relay stops beating, and liveness fails; here both beat. */
    @Test
    void livenessListsTheDispatcherAndTheOutboxRelayAsBeating() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'background loops' }.data.'provisioning-dispatcher'", equalTo("beating"))
                .body("checks.find { it.name == 'background loops' }.data.'outbox-relay'", equalTo("beating"));
    }
}
