package de.efa.tenant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class InfrastructureTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void writesAndReadsARowThroughRealPostgres() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_event (id, topic, record_key, type, payload, sent_at) VALUES (?, 't', 'k', 'probe', '{}', now())")) {
                insert.setObject(1, id);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT type, version() FROM outbox_event WHERE id = ?")) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("probe");
                    assertThat(row.getString(2)).startsWith("PostgreSQL 17");
                }
            }
        }
    }

    @Test
    void sendsAndReceivesARecordThroughARealKafkaBroker() {
        String key = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(new ProducerRecord<>("efa.onboarding.requests.v1.dlq", key, "probe")).awaitCompletion();
        var records = kafka.consumeStrings().fromTopics("efa.onboarding.requests.v1.dlq")
                .awaitRecords(1, Duration.ofSeconds(20)).getRecords();
        assertThat(records).anySatisfy(r -> assertThat(r.key()).isEqualTo(key));
    }

    @Test
    void healthReadinessChecksDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void exposesMetricsAndOpenApi() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("EfA Marketplace: tenant-service"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
