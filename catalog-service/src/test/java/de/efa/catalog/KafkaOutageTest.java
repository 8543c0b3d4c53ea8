package de.efa.catalog;

import de.efa.infra.kafka.KafkaBroker;
import de.efa.infra.test.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.step;
import static de.efa.catalog.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** With the broker down, changes still succeed; their records arrive once it is back. */
@QuarkusTest
class KafkaOutageTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void changesDuringAnOutageArriveWhenTheBrokerIsBack() {
        String provider = unique("anbieter-ausfall");
        CatalogApi.provider(provider);
        String id;
        broker.stop();
        try {
            id = CatalogApi.create(provider, service(unique("ausfall"), "Während des Ausfalls")).path("id");
            step(provider, id, "publish").then().statusCode(200);
        } finally {
            broker.start();
        }
        try (CatalogTopic topic = new CatalogTopic(kafka)) {
            topic.await(id, "de.efa.service.created.v1", Duration.ofSeconds(90));
            var published = topic.await(id, "de.efa.service.published.v1", Duration.ofSeconds(90));
            assertThat(published.value()).contains("\"status\":\"PUBLISHED\"");
        }
    }
}
