package de.efa.infra.test;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;

/**
 * What every service must show of the foundation (issue 2): a row through real PostgreSQL, a record through a
 * real Kafka broker, readiness that checks both, metrics, and its OpenAPI document. Each service's
 * {@code InfrastructureTest} runs these against itself.
 */
public final class InfrastructureChecks {

    private InfrastructureChecks() {
    }

    /** Writes an outbox row and reads it back; the server must be PostgreSQL 17. */
    public static void postgresRoundTrip(DataSource dataSource) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event"
                     + " (id, topic, record_key, type, payload, sent_at) VALUES (?, 'probe', 'k', 'probe', '{}', now())")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("could not write a row: " + e.getMessage(), e);
        }
        SqlProbe probe = new SqlProbe(dataSource);
        if (!"probe".equals(probe.single("SELECT type FROM outbox_event WHERE id = ?", id).orElse(null))) {
            throw new AssertionError("the row written is not there");
        }
        String version = probe.single("SELECT version()").orElseThrow();
        if (!version.startsWith("PostgreSQL 17")) {
            throw new AssertionError("not PostgreSQL 17: " + version);
        }
    }

    /** Sends a record and receives it again through the broker. */
    public static void kafkaRoundTrip(KafkaCompanion kafka) {
        String topic = "efa.onboarding.requests.v1.dlq";
        String key = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, "probe")).awaitCompletion();
        boolean received = kafka.consumeStrings().fromTopics(topic)
                .awaitRecords(1, Duration.ofSeconds(30))
                .getRecords().stream().anyMatch(record -> key.equals(record.key()));
        if (!received) {
            throw new AssertionError("the record sent was not received");
        }
    }

    /** Health, metrics, OpenAPI and Swagger UI of the running service. */
    public static void operationalEndpoints(String serviceName) {
        // Kafka: Quarkus' own check, or in a service on the platform its KafkaStatusCheck ("kafka"), which reports an
        // outage without making the service unready.
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem(anyOf(equalTo("Kafka connection health check"), equalTo("kafka"))));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("EfA Marketplace: " + serviceName))
                .body("info.version", equalTo("1.0.0"))
                .body("info.description", not(emptyOrNullString()));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
