package de.efa.platform.health;

import de.efa.infra.kafka.KafkaBroker;
import de.efa.infra.test.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ReadinessTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void readiness_reports_kafka_and_liveness_lists_the_relay() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.kafka", equalTo("reachable"));
        given().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.find { it.name == 'background loops' }.data.'outbox-relay'", equalTo("beating"));
    }

    @Test
    void a_kafka_outage_is_reported_but_leaves_the_service_ready_and_alive() {
        broker.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'kafka' }.data.kafka", startsWith("unreachable since")));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            broker.start();
        }
    }
}
